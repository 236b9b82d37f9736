// A failed write leaves nothing behind: no output and no temporary.
#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"
#include "engine/io/ExrWriter.h"
#include "tests/support/ExrTestFiles.h"

#include <gtest/gtest.h>

#include <fstream>

namespace tinct::test {
namespace {

std::string writeError(const std::string& path, const Frame& frame, ExrWriteOptions options = {}) {
    try {
        writeExr(path, frame, options);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(ExrWriterFailure, RenameOntoADirectoryLeavesNoTemporary) {
    // The pixels are written, then the final rename fails: the latest point a write can fail.
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "out.exr" / "occupied");
    const std::string message = writeError(dir.file("out.exr"), makeFrame(8, 4));
    EXPECT_NE(message.find(dir.file("out.exr")), std::string::npos) << message;
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.exr"});
    EXPECT_TRUE(std::filesystem::is_directory(dir.path() / "out.exr" / "occupied"));
}

TEST(ExrWriterFailure, MissingDirectory) {
    TempDir dir;
    const std::string path = dir.file("no/such/dir/out.exr");
    const std::string message = writeError(path, makeFrame(8, 4));
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_TRUE(dir.entries().empty());
}

TEST(ExrWriterFailure, UintOutputIsRefused) {
    TempDir dir;
    const std::string message =
        writeError(dir.file("u.exr"), makeFrame(8, 4), {PixelType::Uint, ExrCompression::Zip});
    EXPECT_NE(message.find(dir.file("u.exr")), std::string::npos) << message;
    EXPECT_NE(message.find("uint"), std::string::npos) << message;
    EXPECT_TRUE(dir.entries().empty());
}

TEST(ExrWriterFailure, InconsistentFrameIsRefused) {
    TempDir dir;
    Frame frame = makeFrame(8, 4);
    frame.rgba.resize(10);
    EXPECT_NE(writeError(dir.file("bad.exr"), frame).find(dir.file("bad.exr")), std::string::npos);
    frame = makeFrame(8, 4);
    frame.dataWindow = {0, 0, 9, 3};
    EXPECT_NE(writeError(dir.file("bad.exr"), frame), "(no error)");
    EXPECT_TRUE(dir.entries().empty());
}

TEST(ExrWriterFailure, ReplacesAnExistingFileWhole) {
    TempDir dir;
    std::ofstream(dir.file("out.exr")) << "previous render";
    writeExr(dir.file("out.exr"), makeFrame(8, 4), {});
    EXPECT_EQ(readWithOpenExr(dir.file("out.exr")).width, 8);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.exr"});
}

TEST(AtomicOutput, TemporaryIsHiddenBesideTheOutputAndRemovedUnlessCommitted) {
    TempDir dir;
    std::filesystem::path temp;
    {
        AtomicOutput output(dir.path() / "clip.mov");
        temp = output.tempPath();
        EXPECT_EQ(temp.parent_path(), dir.path());
        EXPECT_EQ(temp.filename().string().front(), '.');
        EXPECT_EQ(temp.extension(), ".mov");  // so format-by-extension libraries still work
        std::ofstream(temp) << "partial";
    }
    EXPECT_FALSE(std::filesystem::exists(temp));
    EXPECT_TRUE(dir.entries().empty());
}

TEST(AtomicOutput, CommitMovesIntoPlace) {
    TempDir dir;
    AtomicOutput first(dir.path() / "a.exr"), second(dir.path() / "a.exr");
    EXPECT_NE(first.tempPath(), second.tempPath());
    std::ofstream(first.tempPath()) << "done";
    first.commit();
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"a.exr"});
}

TEST(AtomicOutput, FailedCommitThrowsAndCleansUp) {
    TempDir dir;
    {
        AtomicOutput output(dir.path() / "missing" / "a.exr");
        EXPECT_THROW(output.commit(), Error);
    }
    EXPECT_TRUE(dir.entries().empty());
}

}  // namespace
}  // namespace tinct::test

#include "engine/io/AtomicOutput.h"

#include "engine/Error.h"

#include <atomic>
#include <fstream>
#include <string>
#include <system_error>

#include <unistd.h>

namespace tinct {
namespace {

std::atomic<unsigned> temporaryCounter{0};

}  // namespace

AtomicOutput::AtomicOutput(std::filesystem::path finalPath) : final_(std::move(finalPath)) {
    // Hidden so that sequence scans and farm watchers ignore it; host, pid and counter keep
    // parallel writers apart (threads, processes, farm nodes sharing a directory); the extension
    // stays last so that libraries which choose a format by extension still recognise it.
    char host[64] = "host";
    ::gethostname(host, sizeof host - 1);
    const std::string name = "." + final_.stem().string() + ".tmp-" + host + "-" + std::to_string(::getpid()) +
                             "-" + std::to_string(temporaryCounter++) + final_.extension().string();
    temp_ = final_.parent_path() / name;
}

AtomicOutput::~AtomicOutput() {
    if (!committed_) {
        std::error_code ignored;  // nothing useful to do if cleanup itself fails
        std::filesystem::remove(temp_, ignored);
    }
}

void AtomicOutput::commit() {
    if (committed_) return;
    std::error_code ec;
    std::filesystem::rename(temp_, final_, ec);
    if (ec)
        throw Error(final_.string() + ": cannot move the finished file into place: " + ec.message());
    committed_ = true;
}

void writeTextAtomically(const std::string& path, const std::string& text) {
    AtomicOutput out(path);
    {
        std::ofstream file(out.tempPath());
        file << text;
        if (!file.flush()) throw Error(path + ": cannot write");
    }
    out.commit();
}

}  // namespace tinct

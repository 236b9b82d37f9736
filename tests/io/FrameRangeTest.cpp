// Frame ranges as typed on the command line, and gap reporting.
#include "engine/Error.h"
#include "engine/io/FrameRange.h"

#include <gtest/gtest.h>

namespace tinct {
namespace {

TEST(FrameRange, Parses) {
    EXPECT_EQ(parseFrameRange("1001-1100"), (FrameRange{1001, 1100}));
    EXPECT_EQ(parseFrameRange("1001"), (FrameRange{1001, 1001}));
    EXPECT_EQ(parseFrameRange("1001-1001"), (FrameRange{1001, 1001}));
    EXPECT_EQ(parseFrameRange("-5--1"), (FrameRange{-5, -1}));
    EXPECT_EQ(parseFrameRange("-5-3"), (FrameRange{-5, 3}));
    EXPECT_EQ(parseFrameRange("0"), (FrameRange{0, 0}));
}

TEST(FrameRange, RejectsWithAClearMessage) {
    for (const char* text : {"", "a-b", "1001-", "-", "1001-1100x", "1001 - 1100", "+5", "1-2-3",
                             "99999999999", "1001..1100", " 1001"}) {
        try {
            parseFrameRange(text);
            ADD_FAILURE() << "accepted '" << text << "'";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("'" + std::string(text) + "'"), std::string::npos)
                << e.what();
        }
    }
    try {
        parseFrameRange("1100-1001");
        FAIL() << "accepted a reversed range";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("before"), std::string::npos) << e.what();
    }
}

TEST(FrameRange, ListsOfRangesAreCommaSeparated) {
    using List = std::vector<FrameRange>;
    EXPECT_EQ(parseFrameList("1012, 1040-1042"), (List{{1012, 1012}, {1040, 1042}}));
    EXPECT_EQ(parseFrameList("1012,1040-1042 ,7"), (List{{1012, 1012}, {1040, 1042}, {7, 7}}));
    EXPECT_EQ(parseFrameList(""), List{});
    EXPECT_EQ(parseFrameList("   "), List{});
    for (const char* text : {"1012,", ",1012", "1012,,1013", "1012; 1013", "x"}) {
        try {
            parseFrameList(text);
            ADD_FAILURE() << "accepted '" << text << "'";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("'"), std::string::npos) << e.what();  // names the part
        }
    }
}

TEST(FrameRange, FindsGaps) {
    using Gaps = std::vector<std::pair<int, int>>;
    EXPECT_EQ(findGaps({1001, 1002, 1004, 1005, 1010}, {1001, 1012}),
              (Gaps{{1003, 1003}, {1006, 1009}, {1011, 1012}}));
    EXPECT_EQ(findGaps({1005, 1001, 1003, 1001}, {1001, 1005}), (Gaps{{1002, 1002}, {1004, 1004}}));
    EXPECT_EQ(findGaps({}, {1, 3}), (Gaps{{1, 3}}));
    EXPECT_EQ(findGaps({0, 1, 2, 3, 9}, {1, 3}), Gaps{});
    EXPECT_EQ(findGaps({2147483647}, {2147483646, 2147483647}), (Gaps{{2147483646, 2147483646}}));
}

TEST(FrameRange, DescribesGaps) {
    EXPECT_EQ(describeGaps({{1003, 1003}, {1010, 1012}}), "1003, 1010-1012");
    EXPECT_EQ(describeGaps({}), "");
    EXPECT_EQ(describeGaps({{-3, -1}}), "-3--1");
}

}  // namespace
}  // namespace tinct

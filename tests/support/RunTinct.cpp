#include "tests/support/RunTinct.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/support/TempDir.h"

namespace tinct::test {

namespace {

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string slurp(const std::string& path) {
    std::ifstream f(path);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

}  // namespace

RunResult runTinct(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    TempDir capture;
    std::string command = "env TINCT_VALIDATION=1";
    for (const auto& e : env) command += " " + quoted(e);
    command += " " + quoted(TINCT_BINARY);
    for (const auto& a : args) command += " " + quoted(a);
    command += " >" + quoted(capture.file("out")) + " 2>" + quoted(capture.file("err")) + " </dev/null";
    const int status = std::system(command.c_str());
    RunResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(capture.file("out"));
    r.err = slurp(capture.file("err"));
    return r;
}

}  // namespace tinct::test

#pragma once
// Every failure a user can cause (bad files, bad flags, no device) is a tinct::Error whose message
// names the file or value and the problem; the CLI prints it and exits non-zero.
#include <stdexcept>
#include <string>

namespace tinct {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace tinct

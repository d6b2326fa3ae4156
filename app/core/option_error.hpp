#pragma once
// A value given on the command line that the run cannot use, found only once the project is
// read: a service type, target group, indicator or municipality the project does not have, a
// working CRS that is not a projected one. The fix is in the command line, not in a file, so
// the CLI answers it as a usage error (exit 64) like a malformed value; it is an apreptis::Error
// so that every other caller (the viewer, tests) handles it as before. The rule: README.md,
// "Exit codes".
#include "geo/errors.hpp"

namespace apreptis::app {

class OptionError : public Error {
public:
    using Error::Error;
};

} // namespace apreptis::app

#pragma once
#include "geo/errors.hpp"

namespace apreptis::model {

/// The data are readable but wrong: a duplicate code, a negative count, an unknown service
/// type. The message names file, layer, feature and field, and what was expected vs found.
class DataError : public Error {
public:
    using Error::Error;
};

} // namespace apreptis::model

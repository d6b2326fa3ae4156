#pragma once
// Sentinels shared by geo, model and app (RoutingKit's constants.h idea): one place, one
// meaning, checked at compile time.
#include <cstdint>
#include <limits>

namespace apreptis::geo {

/// "No such element" for dense 32-bit indices (providers, units, edges, labels).
inline constexpr std::uint32_t invalid_index = std::numeric_limits<std::uint32_t>::max();

/// Dense node index of a road graph, and its "no node".
using NodeId = std::uint32_t;
inline constexpr NodeId invalid_node = invalid_index;

/// Travel time or distance of something not reached: compares greater than every real value
/// and survives addition, so "min over candidates" needs no special case.
inline constexpr float unreachable = std::numeric_limits<float>::infinity();

static_assert(std::numeric_limits<float>::has_infinity, "unreachable needs an IEEE float infinity");
static_assert(unreachable > std::numeric_limits<float>::max());
static_assert(unreachable + 1.0f == unreachable);
static_assert(invalid_index == 0xFFFFFFFFu);

} // namespace apreptis::geo

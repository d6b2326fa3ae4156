#pragma once
// What a plan's target or result counts, read from the unit words printed with it ("asmenų",
// "vaikams", "sociokultūrinė veikla", "once per month" -> occasions), so that a target in
// activities is not compared with a result in children. Lithuanian words are matched by their
// stem, so that every case ending is one unit ("asmuo", "asmenys", "asmenų", "asmenims").
#include <string>

namespace apreptis::model {

enum class UnitKind {
    unknown,   ///< no unit, a generic one ("vnt.") or words not in the table: not compared
    persons,   ///< persons, people, children, participants, staff, recipients
    families,  ///< families, households
    occasions, ///< times, activities, events, meetings, sessions, trainings, trips
    groups,
    hours,
    days,
    share,     ///< %, proc.
    money,     ///< EUR
    dwellings, ///< flats, dwellings
    places,    ///< places, beds
    cases,     ///< cases, processes
    documents  ///< questionnaires, documents
};
const char* to_string(UnitKind k);

/// The kind of the first word of `unit` that names one; unknown when none does.
UnitKind unit_kind(const std::string& unit);

} // namespace apreptis::model

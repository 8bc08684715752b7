#pragma once

// Four paragraphs of plain news prose (over 500 characters) that the body
// tests build their pages around.

#include <string>

namespace oped::indexer::test_text {

inline const std::string k_ferry_paragraphs =
    "<p>The harbour board approved the new ferry timetable on Monday, after two years of complaints from "
    "commuters who said the morning boats were always full.</p>"
    "<p>Under the plan, boats will leave every twenty minutes between six and ten, and the last crossing "
    "will move from eleven to midnight, the board said.</p>"
    "<p>The unions, which had threatened a strike over the longer shifts, said they would accept the "
    "timetable if two more crews were hired before the summer.</p>"
    "<p>Passengers on the island side, who wait longest in the winter, welcomed the change but asked for "
    "a heated shelter at the pier.</p>";

} // namespace oped::indexer::test_text

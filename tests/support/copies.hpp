#pragma once

// Syndicated copies for tests: one column as three outlets ran it (edited,
// retitled, trimmed), and another column by the same author on the same
// subject that is a different piece.

#include "support/pages.hpp"

#include <string>
#include <vector>

namespace oped::test {

struct CopySet {
    PageSpec original;  // The Test Gazette, 2020-01-15
    PageSpec retitled;  // The Evening Herald, 2020-01-18: another headline and opening line
    PageSpec trimmed;   // The Harbour Courier, 2020-01-20: a sentence added, the last paragraph cut
    PageSpec unrelated; // The Test Gazette, 2020-02-01: same author, same subject, another piece
};

// `keyword` names the piece: two sets with other keywords are other pieces.
CopySet copy_set(const std::string& keyword);

} // namespace oped::test

#pragma once

// The writer's bio line: the sentence an op-ed ends with about its writer
// ("The writer is an assistant professor at ...", "Jane Doe is a senior
// fellow at ...", "- John Smith is the author of ..."). extract.cpp takes it
// out of the body text into `Article::author_bio`.
//
// Precision comes first: a last paragraph is a bio only when it opens with
// a phrase that names the writer without a name ("The writer is ...")
// followed by who they are, or with the name of one of the article's
// authors followed by a verb and a role ("is a columnist", "teaches
// history", ", a fellow at"). A paragraph about anyone else is the article's.

#include <oped/indexer/evidence.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

// At most this long: a longer paragraph is the article's own.
inline constexpr std::size_t k_max_bio_bytes = 500;

// Why `paragraph` is a bio line of the writer of an article by `authors`
// ("writer intro", "author's name and role"); empty when it is none.
std::string_view bio_line(std::string_view paragraph, const std::vector<std::string>& authors);

// The bio line without the dashes, asterisks and white space around it.
std::string clean_bio(std::string_view paragraph);

// Takes the bio lines that end `body` (its last paragraph, and the one
// before when that is a bio too; never its only paragraph) out of it into
// `bio`, in page order.
void split_bio(std::string& body, const std::vector<std::string>& authors, std::string& bio,
               Explanation* explain = nullptr);

} // namespace oped::indexer

#include "support/copies.hpp"

namespace oped::test {

CopySet copy_set(const std::string& keyword) {
    CopySet set;
    PageSpec& a = set.original;
    a.url = "https://gazette.example/" + keyword;
    a.title = "The case for " + keyword;
    a.authors = {"Ada Lovelace"};
    a.published = "2020-01-15";
    a.site = "The Test Gazette";
    a.section = "Opinion";
    a.paragraphs = prose(keyword, 6);

    PageSpec& b = set.retitled;
    b = a;
    b.url = "https://herald.example/" + keyword;
    b.title = "Why " + keyword + " matters now";
    b.published = "2020-01-18";
    b.site = "The Evening Herald";
    b.paragraphs.front() = "This column first appeared in The Test Gazette and is reprinted with permission.";
    b.paragraphs.insert(b.paragraphs.begin() + 1, prose(keyword, 1).front());

    PageSpec& c = set.trimmed;
    c = a;
    c.url = "https://courier.example/" + keyword;
    c.title = "A word on " + keyword;
    c.published = "2020-01-20";
    c.site = "The Harbour Courier";
    c.paragraphs.pop_back();
    c.paragraphs[2] += " Readers will judge for themselves, as they always have.";

    PageSpec& d = set.unrelated;
    d = a;
    d.url = "https://gazette.example/" + keyword + "-again";
    d.title = "More on " + keyword;
    d.published = "2020-02-01";
    d.paragraphs = prose(keyword + "s", 6);
    return set;
}

} // namespace oped::test

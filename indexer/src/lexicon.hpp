#pragma once

// The words extraction looks for in a page's text, for every language it
// reads, in one place: lower case, compared case-folded. Add a language's
// words here, beside the English ones.

#include <array>
#include <string_view>

namespace oped::indexer::lexicon {

using namespace std::string_view_literals;

// ---- body_trim.cpp: the end of an article ----

// Lines that close an article's text and open what follows it: calls to
// action, author boxes, share and comment prompts.
inline constexpr std::string_view k_tail_openers[] = {
    "sign up",        "subscribe",         "join our",    "join medium",    "follow us",         "follow me",
    "share this",     "share on",          "posted by",   "written by",     "about the author",  "leave a comment",
    "post a comment", "what do you think", "related",     "you might like", "you may also like", "more from",
    "read more",      "read next",         "recommended", "pin this",       "pin for later",     "newsletter",
    "get started",    "talk to",           "request a",   "abonnez-vous",   "inscrivez-vous",    "partager",
    "suscríbete",     "compartir",         "abonnieren",  "teilen",         "lesen sie auch",    "lire aussi",
    "leia também"};
// Words of an affiliate disclosure ("This post contains affiliate links",
// "Purchases made through our links may earn us a commission").
inline constexpr std::string_view k_affiliate_words[] = {"affiliate link"};
inline constexpr std::string_view k_commission_words[] = {"commission", "compensation"};
inline constexpr std::string_view k_purchase_words[] = {"through our link", "through my link", "through these link",
                                                        "through links", "through the link"};

// A disclaimer under an opinion piece ("The views expressed are the
// author's own and do not necessarily reflect those of ..."): boilerplate
// the outlet puts under every column, not the column's text.
inline constexpr std::string_view k_disclaimer_phrases[] = {"views expressed",
                                                            "opinions expressed",
                                                            "views and opinions",
                                                            "necessarily reflect",
                                                            "necessarily those of",
                                                            "n'engagent que",
                                                            "n’engagent que",
                                                            "no reflejan necesariamente",
                                                            "geben nicht notwendigerweise",
                                                            "nicht unbedingt die meinung",
                                                            "non riflettono necessariamente",
                                                            "não refletem necessariamente"};

// ---- date_lines.cpp: labels of a shown date ----

// Folded words that label a date as a revision or as the publication, in the
// languages dates.cpp reads month names of. Matched as prefixes of a line's
// words, so "updated" and "update" are one entry.
inline constexpr std::array<std::string_view, 15> k_updated_words{
    "updat",    "modifi",    "revised",    "edited",  "reviewed", "mis à jour",    "actualiz",     "aktualisiert",
    "geändert", "aggiornat", "bijgewerkt", "atualiz", "upraveno", "aktualizováno", "last changed",
};
inline constexpr std::array<std::string_view, 12> k_published_words{
    "publish",   "posted",       "publié",     "publicad",    "publicat",   "veröffentlicht",
    "pubblicat", "gepubliceerd", "erschienen", "publikováno", "written on", "released",
};

// ---- page_signals.cpp: byline lines ----

// What a short byline line starts with ("By Jane Doe", "Written by Jane
// Doe"), and labels that stand alone before the name's element.
inline constexpr std::string_view k_by_line_starts[] = {
    "by ", "written by ", "words by ", "story by ", "author: ", "authored by ", "posted by ", "par ", "por ", "von "};
inline constexpr std::string_view k_by_labels[] = {"by",        "written by", "author",      "authored by", "words by",
                                                   "posted by", "author:",    "written by:", "auteur",      "autor",
                                                   "par",       "por",        "von"};

// ---- page_type_signals.cpp: words that tell an article from other pages ----

// "Add to cart" and its kin, lower case, matched inside a button's or a
// link's text.
inline constexpr std::array k_cart_phrases = {
    "add to cart"sv,      "add to basket"sv,         "add to bag"sv,        "buy now"sv,
    "in den warenkorb"sv, "ajouter au panier"sv,     "añadir al carrito"sv, "aggiungi al carrello"sv,
    "in winkelwagen"sv,   "adicionar ao carrinho"sv,
};
// Labels of links and buttons that sell a service rather than go on reading,
// matched within a short label.
inline constexpr std::array k_cta_phrases = {
    "get started"sv,     "contact us"sv,    "request a demo"sv, "book a demo"sv,     "get a demo"sv,
    "free trial"sv,      "start free"sv,    "try it free"sv,    "try for free"sv,    "get a quote"sv,
    "request a quote"sv, "free quote"sv,    "call now"sv,       "call us"sv,         "book now"sv,
    "learn more"sv,      "get in touch"sv,  "talk to"sv,        "apply now"sv,       "enroll"sv,
    "schedule a"sv,      "sign up free"sv,  "shop now"sv,       "contactez-nous"sv,  "en savoir plus"sv,
    "mehr erfahren"sv,   "jetzt starten"sv, "kontakt"sv,        "más información"sv, "contáctanos"sv,
    "saiba mais"sv,
};
// Words counted in the extracted body, lower case.
inline constexpr std::array k_we_words = {"we"sv,       "our"sv,     "us"sv,      "ours"sv,    "we're"sv, "we’re"sv,
                                          "nous"sv,     "notre"sv,   "nos"sv,     "wir"sv,     "unser"sv, "unsere"sv,
                                          "nosotros"sv, "nuestro"sv, "nuestra"sv, "nuestros"sv};
inline constexpr std::array k_you_words = {"you"sv, "your"sv, "yours"sv, "you're"sv, "you’re"sv, "vous"sv, "votre"sv,
                                           "vos"sv, "sie"sv,  "ihr"sv,   "ihre"sv,   "usted"sv,  "tu"sv,   "su"sv};
inline constexpr std::array k_i_words = {"i"sv,   "my"sv, "me"sv,  "i'm"sv,  "i’m"sv,   "je"sv, "j'ai"sv,
                                         "mon"sv, "ma"sv, "ich"sv, "mein"sv, "meine"sv, "yo"sv, "mi"sv};
inline constexpr std::array k_said_words = {"said"sv,  "says"sv, "told"sv, "according"sv, "dit"sv,  "déclaré"sv,
                                            "sagte"sv, "sagt"sv, "dijo"sv, "afirmó"sv,    "disse"sv};

// ---- title.cpp: headline kickers and labels ----

// Kickers and labels that news sites set before or after a headline
// ("WATCH: ...", "Opinion | ...", "... | Analysis"): compared case-folded.
inline constexpr std::array<std::string_view, 44> k_title_labels{
    "opinion",       "analysis",   "watch",     "video",       "videos",    "listen",
    "audio",         "podcast",    "photos",    "gallery",     "exclusive", "breaking",
    "breaking news", "live",       "update",    "updated",     "editorial", "commentary",
    "column",        "review",     "blog",      "news",        "interview", "explainer",
    "sponsored",     "op ed",      "letters",   "perspective", "feature",   "guest column",
    "essay",         "fact check", "meinung",   "kommentar",   "opinión",   "opinion columns",
    "tribune",       "éditorial",  "chronique", "análisis",    "opinião",   "opinione",
    "commento",      "recensione"};

// The name of the title field in a record a page shows as its heading
// ("Title:Attention Is All You Need"), in the supported languages.
inline constexpr std::array<std::string_view, 6> k_title_field_names{"title",  "titre",  "titel",
                                                                     "título", "titolo", "tytuł"};

// ---- authors.cpp: bylines and bios ----

inline constexpr std::array<std::string_view, 10> k_by_words{"by",    "par",   "por",    "von",    "door",
                                                             "przez", "autor", "autora", "auteur", "af"};
inline constexpr std::array<std::string_view, 14> k_by_lead_ins{
    "written",   "words",   "story",     "text",   "texto",   "reported", "posted",
    "published", "article", "interview", "author", "authors", "column",   "opinion"};
inline constexpr std::array<std::string_view, 11> k_credit_lead_ins{
    "authored by", "insights from", "words from", "article by",          "post by", "articles by", "posts by",
    "stories by",  "more from",     "more by",    "corresponding author"};
// Words that end a byline's line after the name ("Jane Doe Last updated").
inline constexpr std::array<std::string_view, 6> k_trailing_furniture{"updated", "last", "published",
                                                                      "posted",  "on",   "sponsored"};
inline constexpr std::array<std::string_view, 26> k_credentials{
    "ma",  "ms",  "msc", "md", "phd",  "ph.d", "ph.d.", "mph", "rn", "dds", "mba",    "bsc", "ba",
    "esq", "cpa", "rd",  "np", "facp", "frcp", "dphil", "llm", "jd", "do",  "pharmd", "dvm", "mfa"};
inline constexpr std::array<std::string_view, 6> k_suffixes{"jr", "sr", "ii", "iii", "iv", "jnr"};
// Words that make a comma- or bar-separated part a job title or an outlet.
inline constexpr std::array<std::string_view, 61> k_role_words{
    "writer",    "editor",    "reporter",   "correspondent", "columnist",    "contributor", "contributing",
    "staff",     "producer",  "analyst",    "journalist",    "chief",        "senior",      "deputy",
    "director",  "professor", "fellow",     "intern",        "photographer", "critic",      "bureau",
    "desk",      "agency",    "reuters",    "afp",           "ap",           "press",       "freelance",
    "manager",   "founder",   "ceo",        "president",     "lecturer",     "researcher",  "scientist",
    "blogger",   "host",      "anchor",     "team",          "special",      "guest",       "associate",
    "assistant", "executive", "strategist", "author",        "rédaction",    "redaktion",   "expert",
    "attorney",  "lawyer",    "architect",  "co-founder",    "cofounder",    "specialist",  "consultant",
    "engineer",  "officer",   "advisor",    "adviser",       "coordinator"};
// Text of page furniture that byline detectors pick up.
inline constexpr std::array<std::string_view, 39> k_interface_words{
    "follow", "author", "authors", "share",   "subscribe", "comment",  "comments", "posted", "published", "updated",
    "read",   "more",   "view",    "profile", "contact",   "email",    "menu",     "login",  "log",       "sign",
    "in",     "up",     "home",    "by",      "bio",       "about",    "the",      "all",    "posts",     "articles",
    "staff",  "admin",  "fact",    "checked", "checker",   "reviewed", "written",  "edited", "medically"};
// Job titles a person's byline may end with, run into the name.
inline constexpr std::array<std::string_view, 16> k_job_titles{
    "writer",     "editor",   "reporter", "correspondent", "columnist",    "contributor", "producer",   "analyst",
    "journalist", "director", "manager",  "founder",       "photographer", "critic",      "researcher", "coordinator"};
// Words that may precede a role word at the end of a byline run together
// with its name ("Jane Doe Review Editor", "Jane Doe Content Marketing
// Coordinator").
inline constexpr std::array<std::string_view, 9> k_role_modifiers{
    "review", "content", "marketing", "managing", "news", "features", "section", "coordinator", "lead"};
inline constexpr std::array<std::string_view, 14> k_date_words{
    "on", "at", "updated", "update", "published", "posted", "last", "modified", "le", "el", "am", "um", "the", "of"};
inline constexpr std::array<std::string_view, 33> k_calendar_words{
    "jan",      "feb",      "mar",     "apr",      "may",   "jun",   "jul",  "aug",  "sep",    "sept",      "oct",
    "nov",      "dec",      "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "mon",     "tue",      "wed",   "thu",   "fri",  "sat",  "sun",    "monday",    "friday"};
// Particles that stay lower case inside a name.
inline constexpr std::array<std::string_view, 14> k_particles{"de",  "da", "di", "du",  "van", "von", "der",
                                                              "den", "la", "le", "del", "dos", "bin", "al"};
inline constexpr std::array<std::string_view, 17> k_bio_intros{"the writer is ",
                                                               "the author is ",
                                                               "the writers are ",
                                                               "the authors are ",
                                                               "the columnist is ",
                                                               "about the author: ",
                                                               "about the author ",
                                                               "l'auteur est ",
                                                               "l\u2019auteur est ",
                                                               "l'autrice est ",
                                                               "el autor es ",
                                                               "la autora es ",
                                                               "der autor ist ",
                                                               "die autorin ist ",
                                                               "o autor é ",
                                                               "a autora é ",
                                                               "this article was written by "};
inline constexpr std::array<std::string_view, 12> k_bio_verbs{
    "is", "was", "teaches", "writes", "directs", "covers", "serves", "leads", "est", "es", "ist", "é"};
inline constexpr std::array<std::string_view, 44> k_bio_roles{
    "columnist", "professor",   "writer",       "author",        "journalist",  "fellow",     "director",
    "editor",    "contributor", "reporter",     "correspondent", "economist",   "lecturer",   "researcher",
    "president", "founder",     "co-founder",   "member",        "partner",     "ceo",        "chair",
    "chairman",  "analyst",     "scholar",      "historian",     "novelist",    "lawyer",     "attorney",
    "physician", "student",     "teacher",      "senator",       "host",        "producer",   "scientist",
    "candidate", "chroniqueur", "chroniqueuse", "professeur",    "journaliste", "columnista", "profesor",
    "kolumnist", "editorialist"};
// "A (with B and C)": the openers of a bracket that lists more authors.
inline constexpr std::array<std::string_view, 6> k_with_openers{"(avec ", "(with ", "(mit ", "(con ", "(com ", "(and "};
// Credits for other work than the writing, which end a byline's names
// ("Jane Doe. Edited by John Roe").
inline constexpr std::array<std::string_view, 12> k_other_credits{
    "edited by",      "reviewed by",      "fact checked by", "fact-checked by",      "photos by",   "photo by",
    "photographs by", "illustrations by", "illustration by", "additional reporting", "graphics by", "video by"};
// Words that join two names ("Jane Doe and John Roe").
inline constexpr std::array<std::string_view, 11> k_conjunctions{"and", "&",  "et",  "und", "y", "e",
                                                                 "en",  "og", "och", "a",   "i"};
// A byline's name ends before these words ("by Jane Doe on Friday", "by
// Jane Doe in Health", "by Jane Doe for The Times").
inline constexpr std::array<std::string_view, 14> k_after_byline_name{
    "on", "in", "at", "from", "for", "le", "el", "am", "em", "updated", "published", "posted", "dans", "en"};
// A field beside a name on a byline's line that says the line is a byline:
// reading time ("3 min read").
inline constexpr std::array<std::string_view, 4> k_reading_time_words{"min", "mins", "minute", "minutes"};

// ---- dates.cpp: month names ----

struct MonthName {
    std::string_view name;
    int month;
};

// Folded month names and abbreviations. Abbreviations that are also common
// words in another language of the set ("set", "out") are left out.
inline constexpr MonthName k_months[] = {
    {"january", 1},
    {"jan", 1},
    {"february", 2},
    {"feb", 2},
    {"march", 3},
    {"mar", 3},
    {"april", 4},
    {"apr", 4},
    {"may", 5},
    {"june", 6},
    {"jun", 6},
    {"july", 7},
    {"jul", 7},
    {"august", 8},
    {"aug", 8},
    {"september", 9},
    {"sep", 9},
    {"sept", 9},
    {"october", 10},
    {"oct", 10},
    {"november", 11},
    {"nov", 11},
    {"december", 12},
    {"dec", 12},
    // French
    {"janvier", 1},
    {"janv", 1},
    {"février", 2},
    {"fevrier", 2},
    {"févr", 2},
    {"fevr", 2},
    {"fév", 2},
    {"mars", 3},
    {"avril", 4},
    {"avr", 4},
    {"mai", 5},
    {"juin", 6},
    {"juillet", 7},
    {"juil", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    {"déc", 12},
    // Spanish
    {"enero", 1},
    {"ene", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"abr", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"ago", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"dic", 12},
    // German
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"märz", 3},
    {"maerz", 3},
    {"mär", 3},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    {"dez", 12},
    // Portuguese
    {"janeiro", 1},
    {"fevereiro", 2},
    {"fev", 2},
    {"março", 3},
    {"marco", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
    // Czech, nominative and genitive
    {"leden", 1},
    {"ledna", 1},
    {"únor", 2},
    {"února", 2},
    {"březen", 3},
    {"března", 3},
    {"duben", 4},
    {"dubna", 4},
    {"květen", 5},
    {"května", 5},
    {"červen", 6},
    {"června", 6},
    {"červenec", 7},
    {"července", 7},
    {"srpen", 8},
    {"srpna", 8},
    {"září", 9},
    {"říjen", 10},
    {"října", 10},
    {"listopad", 11},
    {"listopadu", 11},
    {"prosinec", 12},
    {"prosince", 12},
    // Italian and Dutch
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mei", 5},
    {"augustus", 8},
};

} // namespace oped::indexer::lexicon

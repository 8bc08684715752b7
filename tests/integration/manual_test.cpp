// The manual (cli/man/oped.1) against the binary: every subcommand, every
// option its --help lists and every exit code must be in it.

#include "support/temp_dir.hpp"

#include <oped/common/errors.hpp>

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace oped::test {
namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// The page as a reader sees its words: font changes gone, "\-" a hyphen.
std::string manual_text() {
    std::ifstream in(OPED_MANUAL);
    std::stringstream raw;
    raw << in.rdbuf();
    std::string text = raw.str();
    for (const char* font : {"\\fB", "\\fI", "\\fR", "\\fP"}) replace_all(text, font, "");
    replace_all(text, "\\-", "-");
    return text;
}

// "--name" or "-n" at the start of `word`, without what follows it.
std::string option_in(const std::string& word) {
    if (word.size() < 2 || word[0] != '-') return "";
    std::size_t end = word[1] == '-' ? 2 : 1;
    if (end >= word.size() || std::islower(static_cast<unsigned char>(word[end])) == 0) return "";
    while (end < word.size() && (std::islower(static_cast<unsigned char>(word[end])) != 0 || word[end] == '-')) ++end;
    return word.substr(0, end);
}

std::set<std::string> options_in(const std::string& text) {
    std::set<std::string> out;
    std::string spaced = text;
    for (char& c : spaced) {
        if (c == ',' || c == '"' || c == '[' || c == ']') c = ' ';
    }
    std::istringstream words(spaced);
    std::string word;
    while (words >> word) {
        if (auto option = option_in(word); !option.empty()) out.insert(option);
    }
    return out;
}

// Names in the "Subcommands:" part of `oped --help`.
std::set<std::string> subcommands() {
    const RunResult help = run_oped({"--help"});
    std::set<std::string> out;
    const auto start = help.out.find("Subcommands:");
    if (start == std::string::npos) return out;
    std::istringstream lines(help.out.substr(start));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string name;
        if (line.rfind("  ", 0) == 0 && words >> name) out.insert(name);
    }
    return out;
}

// Every "-x" and "--long-name" that `oped SUB --help` lists.
std::set<std::string> options_of(const std::string& sub) {
    auto out = options_in(run_oped({sub, "--help"}).out);
    out.erase("-h");
    out.erase("--help");
    return out;
}

// The part of the manual about `oped SUB`: from its ".SS" to the next heading.
std::string section_of(const std::string& manual, const std::string& sub) {
    const auto start = manual.find(".SS \"oped " + sub);
    if (start == std::string::npos) return "";
    const auto next_ss = manual.find("\n.SS", start + 1);
    const auto next_sh = manual.find("\n.SH", start + 1);
    return manual.substr(start, std::min(next_ss, next_sh) - start);
}

// The options each tagged paragraph (".TP" then its tag line) of `text` describes.
std::set<std::string> described_options(const std::string& text) {
    std::set<std::string> out;
    for (auto at = text.find(".TP\n"); at != std::string::npos; at = text.find(".TP\n", at + 1)) {
        const auto line_start = at + 4;
        const std::string tag = text.substr(line_start, text.find('\n', line_start) - line_start);
        for (const auto& option : options_in(tag)) out.insert(option);
    }
    return out;
}

TEST(Manual, NamesEverySubcommand) {
    const std::string manual = manual_text();
    const auto names = subcommands();
    ASSERT_GE(names.size(), 6U) << "cannot read the subcommands of oped --help";
    for (const auto& name : names) EXPECT_FALSE(section_of(manual, name).empty()) << "no section for oped " << name;
}

TEST(Manual, DescribesEveryOptionOfEverySubcommandInItsSection) {
    const std::string manual = manual_text();
    for (const auto& sub : subcommands()) {
        const auto options = options_of(sub);
        EXPECT_FALSE(options.empty()) << sub;
        const auto described = described_options(section_of(manual, sub));
        for (const auto& option : options) EXPECT_TRUE(described.count(option) == 1) << "oped " << sub << " " << option;
    }
}

TEST(Manual, ListsEveryExitCode) {
    const std::string manual = manual_text();
    const auto status = manual.find(".SH EXIT STATUS");
    ASSERT_NE(status, std::string::npos);
    const std::string section = manual.substr(status, manual.find("\n.SH", status + 1) - status);
    EXPECT_NE(section.find(".TP\n.B 0\n"), std::string::npos);
    for (int code = 0; code <= static_cast<int>(ErrorCode::internal); ++code) {
        const int exit = exit_code(static_cast<ErrorCode>(code));
        EXPECT_NE(section.find(".TP\n.B " + std::to_string(exit) + "\n"), std::string::npos) << exit;
    }
}

TEST(Manual, IsForTheVersionTheBinaryPrints) {
    const RunResult version = run_oped({"--version"});
    ASSERT_EQ(version.exit_code, 0);
    ASSERT_EQ(version.out.rfind("oped ", 0), 0U) << version.out;
    const std::string number = version.out.substr(5, version.out.find(' ', 5) - 5);
    EXPECT_NE(version.out.find("(index schema "), std::string::npos) << version.out;
    EXPECT_NE(manual_text().find("\"oped " + number + "\""), std::string::npos) << number;
}

} // namespace
} // namespace oped::test

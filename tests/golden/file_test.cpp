#include "tests/golden/file_test.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>

namespace isobar::testing {

namespace {

constexpr std::string_view kSplitPrefix = "# --- ";
constexpr std::string_view kCheckPrefix = "# CHECK:STDOUT:";
constexpr std::string_view kArgsPrefix = "# ARGS:";
constexpr std::string_view kExitPrefix = "# EXIT:";
constexpr std::string_view kDefaultFile = "main.yaml";

auto Trim(std::string_view text) -> std::string_view {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

auto SplitWords(std::string_view text) -> std::vector<std::string> {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

auto IsDigit(char c) -> bool { return c >= '0' && c <= '9'; }

// A split name must stay inside the test's directory.
auto CheckSplitName(std::string_view name) -> std::string {
  if (name.empty()) return "a split line needs a file name";
  if (name.front() == '/') return "split file names must be relative";
  std::string_view rest = name;
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    if (part.empty() || part == "." || part == "..") {
      return "split file names may not contain empty, `.` or `..` parts";
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return "";
}

// The parts of a diagnostic header line.
struct Header {
  std::string_view file;
  // Offsets of the line number's digits in the line, when there is one.
  size_t line_begin = 0;
  size_t line_end = 0;
  // The line number; 0 when the header has none.
  uint32_t line = 0;
  std::string_view severity;
};

// Fills `header` and returns true when `text` is a diagnostic header.
auto ParseHeader(std::string_view text, Header& header) -> bool {
  header = Header();
  if (text.empty() || text[0] == ' ' || text[0] == ':') return false;
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return false;
  header.file = text.substr(0, colon);
  size_t pos = colon;
  // Optional `:LINE:COLUMN`.
  if (pos + 1 < text.size() && IsDigit(text[pos + 1])) {
    size_t line_begin = pos + 1;
    size_t i = line_begin;
    uint64_t line = 0;
    while (i < text.size() && IsDigit(text[i])) {
      line = line * 10 + static_cast<uint64_t>(text[i] - '0');
      if (line > UINT32_MAX) return false;
      ++i;
    }
    size_t line_end = i;
    if (i >= text.size() || text[i] != ':') return false;
    ++i;
    size_t column_begin = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    if (i == column_begin) return false;
    header.line = static_cast<uint32_t>(line);
    header.line_begin = line_begin;
    header.line_end = line_end;
    pos = i;
  }
  if (text.substr(pos, 2) != ": ") return false;
  pos += 2;
  for (std::string_view severity : {"error", "warning", "info", "note"}) {
    if (text.substr(pos, severity.size()) == severity &&
        text.substr(pos + severity.size(), 2) == ": ") {
      header.severity = severity;
      return true;
    }
  }
  return false;
}

auto SplitLines(std::string_view text) -> std::vector<std::string> {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A place between lines of the test's input: just above content line
// `line` of split `split`; `line` one past the split's last line means its
// end.
struct Position {
  size_t split = 0;
  uint32_t line = 1;
  auto operator<=>(const Position&) const = default;
};

auto RelativeExpression(int64_t delta) -> std::string {
  if (delta == 0) return "[[@LINE]]";
  if (delta > 0) return "[[@LINE+" + std::to_string(delta) + "]]";
  return "[[@LINE-" + std::to_string(-delta) + "]]";
}

}  // namespace

auto SplitFile::Content() const -> std::string {
  std::string text;
  for (const std::string& line : lines) {
    text += line;
    text += '\n';
  }
  return text;
}

auto TestFile::Arguments() const -> std::vector<std::string> {
  if (args) return *args;
  std::vector<std::string> result = {"lint"};
  for (const SplitFile& split : splits) result.push_back(split.name);
  return result;
}

auto TestFile::IsJsonReport() const -> bool {
  // Any report format but text is compared whole: machine formats have no
  // diagnostic header lines to pick out. The last `--format` wins, as in
  // isobar itself.
  std::vector<std::string> list = Arguments();
  // `isobar graph` prints DOT, which is compared whole too.
  if (!list.empty() && list.front() == "graph") return true;
  std::string format = "text";
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i].starts_with("--format=")) format = list[i].substr(9);
    if (list[i] == "--format" && i + 1 < list.size()) format = list[i + 1];
  }
  return format != "text";
}

auto ParseTestFile(std::string_view text) -> TestFile {
  TestFile test;
  test.raw_lines = SplitLines(text);
  bool has_splits = std::any_of(
      test.raw_lines.begin(), test.raw_lines.end(),
      [](const std::string& line) { return line.starts_with(kSplitPrefix); });
  bool in_preamble = has_splits;
  if (!has_splits) test.splits.push_back({std::string(kDefaultFile), {}});
  std::set<std::string> names;
  size_t current = 0;
  for (size_t i = 0; i < test.raw_lines.size(); ++i) {
    const std::string& line = test.raw_lines[i];
    auto where = [&] { return "line " + std::to_string(i + 1) + ": "; };
    LineRole role;
    role.split = current;
    if (line.starts_with(kSplitPrefix)) {
      std::string name(Trim(std::string_view(line).substr(kSplitPrefix.size())));
      if (std::string error = CheckSplitName(name); !error.empty()) {
        test.errors.push_back(where() + error);
      } else if (!names.insert(name).second) {
        test.errors.push_back(where() + "split file `" + name + "` appears twice");
      }
      test.splits.push_back({name, {}});
      current = test.splits.size() - 1;
      in_preamble = false;
      role = {LineRole::SplitStart, current, 0};
    } else if (line.starts_with(kCheckPrefix)) {
      std::string_view pattern = std::string_view(line).substr(kCheckPrefix.size());
      if (pattern.starts_with(' ')) pattern.remove_prefix(1);
      CheckLine check;
      check.split = in_preamble ? 0 : current;
      check.at_line = in_preamble
                          ? 0
                          : static_cast<uint32_t>(test.splits[current].lines.size());
      check.pattern = std::string(pattern);
      check.test_line = static_cast<uint32_t>(i + 1);
      test.checks.push_back(std::move(check));
      role.kind = LineRole::Check;
    } else if (line.starts_with("# CHECK")) {
      test.errors.push_back(where() + "unknown directive; only `# CHECK:STDOUT:` is supported");
      role.kind = LineRole::Directive;
    } else if (line.starts_with(kArgsPrefix)) {
      if (test.args) test.errors.push_back(where() + "a second `# ARGS:` line");
      test.args = SplitWords(std::string_view(line).substr(kArgsPrefix.size()));
      if (test.args->empty()) test.errors.push_back(where() + "`# ARGS:` is empty");
      role.kind = LineRole::Directive;
    } else if (line.starts_with(kExitPrefix)) {
      std::string_view value = Trim(std::string_view(line).substr(kExitPrefix.size()));
      int status = -1;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), status);
      if (test.exit) test.errors.push_back(where() + "a second `# EXIT:` line");
      if (ec != std::errc() || ptr != value.data() + value.size()) {
        test.errors.push_back(where() + "`# EXIT:` needs a number");
      } else {
        test.exit = status;
      }
      role.kind = LineRole::Directive;
    } else if (in_preamble) {
      role.kind = LineRole::Preamble;
    } else {
      test.splits[current].lines.push_back(line);
      role = {LineRole::Content, current,
              static_cast<uint32_t>(test.splits[current].lines.size())};
    }
    test.roles.push_back(role);
  }
  return test;
}

auto ExpandCheck(const CheckLine& check, std::string& error)
    -> std::optional<std::string> {
  constexpr std::string_view kOpen = "[[@LINE";
  std::string result;
  std::string_view rest = check.pattern;
  while (true) {
    size_t open = rest.find(kOpen);
    if (open == std::string_view::npos) break;
    result += rest.substr(0, open);
    rest.remove_prefix(open + kOpen.size());
    int64_t offset = 0;
    if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
      bool negative = rest[0] == '-';
      rest.remove_prefix(1);
      size_t digits = 0;
      while (digits < rest.size() && IsDigit(rest[digits])) ++digits;
      if (digits == 0) {
        error = "`[[@LINE` followed by a sign needs a number";
        return std::nullopt;
      }
      std::from_chars(rest.data(), rest.data() + digits, offset);
      if (negative) offset = -offset;
      rest.remove_prefix(digits);
    }
    if (!rest.starts_with("]]")) {
      error = "malformed `[[@LINE...]]` expression";
      return std::nullopt;
    }
    rest.remove_prefix(2);
    int64_t value = static_cast<int64_t>(check.at_line) + offset;
    if (value < 0) {
      error = "`[[@LINE...]]` is before the start of the file";
      return std::nullopt;
    }
    result += std::to_string(value);
  }
  result += rest;
  return result;
}

auto IsDiagnosticHeader(std::string_view line) -> bool {
  Header header;
  return ParseHeader(line, header);
}

auto ComparedLines(std::string_view stdout_text, bool json_report)
    -> std::vector<std::string> {
  std::vector<std::string> lines = SplitLines(stdout_text);
  if (json_report) return lines;
  std::vector<std::string> headers;
  for (std::string& line : lines) {
    if (IsDiagnosticHeader(line)) headers.push_back(std::move(line));
  }
  return headers;
}

auto DiffLines(const std::vector<std::string>& expected,
               const std::vector<std::string>& actual) -> std::string {
  if (expected == actual) return "";
  // Longest common subsequence; outputs are small.
  size_t n = expected.size();
  size_t m = actual.size();
  std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i][j] = expected[i] == actual[j]
                      ? lcs[i + 1][j + 1] + 1
                      : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string diff;
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] == actual[j]) {
      diff += "  " + expected[i++] + "\n";
      ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      diff += "+ " + actual[j++] + "\n";
    } else {
      diff += "- " + expected[i++] + "\n";
    }
  }
  return diff;
}

auto ExpectedExitStatus(const TestFile& test, std::string_view file_name,
                        std::string& error) -> int {
  std::string_view base = file_name.substr(file_name.rfind('/') + 1);
  bool fail = base.starts_with("fail_");
  if (!fail) {
    if (test.exit && *test.exit != 0) {
      error = "only `fail_*` files may expect a nonzero exit status";
    }
    return 0;
  }
  if (!test.exit) return 1;
  if (*test.exit != 1 && *test.exit != 2) {
    error = "`# EXIT:` must be 1 or 2 in a `fail_*` file";
  }
  return *test.exit;
}

auto AutoupdateText(const TestFile& test, const std::vector<std::string>& output)
    -> std::string {
  // placed[split][line]: CHECK lines to write just above content line
  // `line` (index lines.size() + 1: at the split's end).
  std::vector<std::vector<std::vector<std::string>>> placed;
  for (const SplitFile& split : test.splits) {
    placed.emplace_back(split.lines.size() + 2);
  }
  if (placed.empty()) placed.emplace_back(2);
  auto end_of = [&](size_t split) {
    return Position{split, static_cast<uint32_t>(placed[split].size() - 1)};
  };
  auto find_split = [&](std::string_view name) -> std::optional<size_t> {
    for (size_t i = 0; i < test.splits.size(); ++i) {
      if (test.splits[i].name == name) return i;
    }
    return std::nullopt;
  };
  bool json = test.IsJsonReport();
  Position cursor{0, 1};
  bool first = true;
  for (const std::string& line : output) {
    Header header;
    bool is_header = !json && ParseHeader(line, header);
    std::optional<size_t> split =
        is_header && header.line > 0 ? find_split(header.file) : std::nullopt;
    bool located = split && header.line <= end_of(*split).line;
    std::string text = line;
    if (!located) {
      // Not tied to a line of a split: the end of the first split, or the
      // current point if output has already moved past it.
      cursor = std::max(cursor, end_of(0));
    } else {
      uint32_t target = header.line;
      Position want{*split, target};
      bool is_note = header.severity == "note";
      std::string expression;
      if (want >= cursor && (first || !is_note)) {
        cursor = want;
        expression = RelativeExpression(1);
      } else if (cursor.split == *split) {
        // `[[@LINE]]` here is the content line just above the cursor.
        expression = RelativeExpression(static_cast<int64_t>(target) -
                                        static_cast<int64_t>(cursor.line - 1));
      } else {
        expression = std::to_string(target);
      }
      text = line.substr(0, header.line_begin) + expression +
             line.substr(header.line_end);
    }
    placed[cursor.split][cursor.line].push_back(std::string(kCheckPrefix) + " " + text);
    first = false;
  }

  std::vector<std::string> lines;
  auto flush_end = [&](size_t split) {
    for (std::string& check : placed[split].back()) lines.push_back(std::move(check));
  };
  size_t open_split = 0;
  bool any_split_open = test.splits.size() == 1 &&
                        std::none_of(test.roles.begin(), test.roles.end(),
                                     [](const LineRole& role) {
                                       return role.kind == LineRole::SplitStart;
                                     });
  for (size_t i = 0; i < test.raw_lines.size(); ++i) {
    const LineRole& role = test.roles[i];
    switch (role.kind) {
      case LineRole::Check:
        continue;
      case LineRole::SplitStart:
        if (any_split_open) flush_end(open_split);
        open_split = role.split;
        any_split_open = true;
        break;
      case LineRole::Content:
        for (std::string& check : placed[role.split][role.line]) {
          lines.push_back(std::move(check));
        }
        break;
      case LineRole::Preamble:
      case LineRole::Directive:
        break;
    }
    lines.push_back(test.raw_lines[i]);
  }
  if (any_split_open) flush_end(open_split);
  if (test.splits.empty()) flush_end(0);

  std::string text;
  for (const std::string& line : lines) {
    text += line;
    text += '\n';
  }
  return text;
}

}  // namespace isobar::testing

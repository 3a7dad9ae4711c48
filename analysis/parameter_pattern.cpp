#include "analysis/parameter_pattern.h"

#include <fmt/format.h>

#include <utility>
#include <vector>

namespace isobar {

namespace {

constexpr uint32_t kInfinite = UINT32_MAX;
// Larger repeat counts, deeper nesting or longer values are not checked.
constexpr uint32_t kMaxCount = 100'000;
constexpr size_t kMaxNesting = 64;
constexpr size_t kMaxValueLength = 1024;
constexpr size_t kMaxPatternLength = 4096;
// Steps of the backtracking search, and its recursion depth.
constexpr uint64_t kStepBudget = 2'000'000;
constexpr uint32_t kMaxDepth = 1000;

enum Category : uint8_t {
  kDigit = 1, kNotDigit = 2, kSpace = 4, kNotSpace = 8, kWord = 16, kNotWord = 32,
};

struct CharSet {
  bool negate = false;
  std::vector<std::pair<char32_t, char32_t>> ranges;
  uint8_t categories = 0;
};

enum class Kind : uint8_t {
  Char, Any, Set,
  // Assertions: Python's AT codes, which cannot be repeated.
  Begin, End, EndOfString, Boundary, NotBoundary,
  Group, LookAhead, NegativeLookAhead, Repeat,
};

struct PatternNode {
  Kind kind = Kind::Char;
  char32_t ch = 0;
  CharSet set;
  // Group and lookaheads: each alternative is a sequence of nodes.
  std::vector<std::vector<uint32_t>> alternatives;
  // Repeat.
  uint32_t child = 0;
  uint32_t min = 0;
  uint32_t max = 0;
  bool greedy = true;
};

auto IsAssertion(Kind kind) -> bool {
  return kind == Kind::Begin || kind == Kind::End || kind == Kind::EndOfString ||
         kind == Kind::Boundary || kind == Kind::NotBoundary;
}

auto IsSingleChar(Kind kind) -> bool {
  return kind == Kind::Char || kind == Kind::Any || kind == Kind::Set;
}

auto IsAsciiLetter(char32_t c) -> bool {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

auto IsDecimal(char32_t c) -> bool { return c >= '0' && c <= '9'; }

auto HexValue(char32_t c) -> int {
  if (IsDecimal(c)) return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// The input is valid UTF-8 (the frontend checked it).
auto DecodeUtf8(std::string_view text) -> std::u32string {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? byte : byte & (0x7F >> length);
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(c);
    i += length;
  }
  return out;
}

// Python's ASCII meaning of a category; Unknown beyond ASCII, where Python
// consults Unicode tables.
auto InCategory(uint8_t categories, char32_t c) -> Verdict {
  if (c >= 0x80) return Verdict::Unknown;
  bool digit = IsDecimal(c);
  bool space = c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
  bool word = digit || IsAsciiLetter(c) || c == '_';
  bool in = ((categories & kDigit) && digit) || ((categories & kNotDigit) && !digit) ||
            ((categories & kSpace) && space) || ((categories & kNotSpace) && !space) ||
            ((categories & kWord) && word) || ((categories & kNotWord) && !word);
  return in ? Verdict::Yes : Verdict::No;
}

auto InSet(const CharSet& set, char32_t c) -> Verdict {
  Verdict in = Verdict::No;
  for (auto [lo, hi] : set.ranges) {
    if (lo <= c && c <= hi) in = Verdict::Yes;
  }
  if (in == Verdict::No && set.categories != 0) in = InCategory(set.categories, c);
  if (in == Verdict::Unknown || !set.negate) return in;
  return in == Verdict::Yes ? Verdict::No : Verdict::Yes;
}

// A non-owning reference to a callable: continuations without allocation.
template <typename F>
class FunctionRef;
template <typename R, typename... A>
class FunctionRef<R(A...)> {
 public:
  template <typename C>
  FunctionRef(const C& callable)  // NOLINT: implicit by design
      : object_(&callable), call_([](const void* o, A... a) -> R {
          return (*static_cast<const C*>(o))(a...);
        }) {}
  auto operator()(A... a) const -> R { return call_(object_, a...); }

 private:
  const void* object_;
  R (*call_)(const void*, A...);
};

}  // namespace

struct PythonPattern::Program {
  std::vector<PatternNode> nodes;
  uint32_t root = 0;
};

namespace {

// Recursive descent over the pattern, after CPython's re/_parser.py.
class Parser {
 public:
  explicit Parser(std::u32string pattern) : p_(std::move(pattern)) {}

  auto Run(std::vector<PatternNode>& nodes) -> uint32_t {
    nodes_ = &nodes;
    uint32_t root = Alternation(0);
    if (status_ == PythonPattern::Status::Ok && i_ < p_.size()) {
      Fail("unbalanced parenthesis");
    }
    return root;
  }
  auto status() const -> PythonPattern::Status { return status_; }
  auto error() const -> const std::string& { return error_; }

 private:
  auto Stopped() const -> bool { return status_ != PythonPattern::Status::Ok; }
  void Fail(std::string message) {
    if (Stopped()) return;
    status_ = PythonPattern::Status::Invalid;
    error_ = std::move(message);
  }
  void Unsupported() {
    if (!Stopped()) status_ = PythonPattern::Status::Unsupported;
  }
  auto Peek() const -> char32_t { return i_ < p_.size() ? p_[i_] : 0; }
  auto AtEnd() const -> bool { return i_ >= p_.size(); }
  auto Eat(char32_t c) -> bool {
    if (AtEnd() || p_[i_] != c) return false;
    ++i_;
    return true;
  }
  auto Add(PatternNode node) -> uint32_t {
    nodes_->push_back(std::move(node));
    return static_cast<uint32_t>(nodes_->size() - 1);
  }
  void Literal(std::vector<uint32_t>& seq, char32_t c) {
    seq.push_back(Add({.kind = Kind::Char, .ch = c}));
  }
  void Category(std::vector<uint32_t>& seq, uint8_t category) {
    seq.push_back(Add({.kind = Kind::Set, .set = {.categories = category}}));
  }

  auto Alternation(size_t depth) -> uint32_t {
    PatternNode group{.kind = Kind::Group};
    group.alternatives.push_back(Sequence(depth));
    while (!Stopped() && Eat('|')) group.alternatives.push_back(Sequence(depth));
    return Add(std::move(group));
  }

  auto Sequence(size_t depth) -> std::vector<uint32_t> {
    std::vector<uint32_t> seq;
    while (!Stopped() && !AtEnd() && Peek() != '|' && Peek() != ')') {
      char32_t c = p_[i_++];
      switch (c) {
        case '\\': Escape(seq); break;
        case '[': Set(seq); break;
        case '(': Group(seq, depth); break;
        case '.': seq.push_back(Add({.kind = Kind::Any})); break;
        case '^': seq.push_back(Add({.kind = Kind::Begin})); break;
        case '$': seq.push_back(Add({.kind = Kind::End})); break;
        case '*': Repeat(seq, 0, kInfinite); break;
        case '+': Repeat(seq, 1, kInfinite); break;
        case '?': Repeat(seq, 0, 1); break;
        case '{': Brace(seq); break;
        default: Literal(seq, c); break;
      }
    }
    return seq;
  }

  // After `{`: a counted repeat, or a literal `{` when it is not one.
  void Brace(std::vector<uint32_t>& seq) {
    size_t here = i_;
    std::u32string lo, hi;
    while (IsDecimal(Peek()) && Peek() != 0) lo += p_[i_++];
    if (Eat(',')) {
      while (IsDecimal(Peek()) && Peek() != 0) hi += p_[i_++];
    } else {
      hi = lo;
    }
    if (here == i_ || !Eat('}')) {
      i_ = here;
      Literal(seq, '{');
      return;
    }
    auto count = [&](const std::u32string& digits) -> uint32_t {
      if (digits.size() > 6) return kMaxCount + 1;
      uint32_t n = 0;
      for (char32_t d : digits) n = n * 10 + static_cast<uint32_t>(d - '0');
      return n;
    };
    uint32_t min = lo.empty() ? 0 : count(lo);
    uint32_t max = hi.empty() ? kInfinite : count(hi);
    if (min > kMaxCount || (max != kInfinite && max > kMaxCount)) {
      Unsupported();
    } else if (max < min) {
      Fail("min repeat greater than max repeat");
    } else {
      Repeat(seq, min, max);
    }
  }

  void Repeat(std::vector<uint32_t>& seq, uint32_t min, uint32_t max) {
    if (seq.empty() || IsAssertion((*nodes_)[seq.back()].kind)) {
      return Fail("nothing to repeat");
    }
    if ((*nodes_)[seq.back()].kind == Kind::Repeat) return Fail("multiple repeat");
    bool greedy = !Eat('?');
    // Possessive quantifiers exist only from Python 3.11 on.
    if (greedy && Peek() == '+') return Unsupported();
    seq.back() = Add({.kind = Kind::Repeat, .child = seq.back(), .min = min,
                      .max = max, .greedy = greedy});
  }

  void Group(std::vector<uint32_t>& seq, size_t depth) {
    if (depth >= kMaxNesting) return Unsupported();
    Kind kind = Kind::Group;
    if (Eat('?')) {
      if (Eat('=')) {
        kind = Kind::LookAhead;
      } else if (Eat('!')) {
        kind = Kind::NegativeLookAhead;
      } else if (!Eat(':')) {
        // Flags, named groups, lookbehind, conditionals, comments.
        return Unsupported();
      }
    }
    uint32_t inner = Alternation(depth + 1);
    if (Stopped()) return;
    if (!Eat(')')) return Fail("missing ), unterminated subpattern");
    (*nodes_)[inner].kind = kind;
    seq.push_back(inner);
  }

  void Escape(std::vector<uint32_t>& seq) {
    if (AtEnd()) return Fail("bad escape (end of pattern)");
    char32_t c = p_[i_++];
    switch (c) {
      case 'A': seq.push_back(Add({.kind = Kind::Begin})); return;
      case 'Z': seq.push_back(Add({.kind = Kind::EndOfString})); return;
      case 'b': seq.push_back(Add({.kind = Kind::Boundary})); return;
      case 'B': seq.push_back(Add({.kind = Kind::NotBoundary})); return;
      case 'd': return Category(seq, kDigit);
      case 'D': return Category(seq, kNotDigit);
      case 's': return Category(seq, kSpace);
      case 'S': return Category(seq, kNotSpace);
      case 'w': return Category(seq, kWord);
      case 'W': return Category(seq, kNotWord);
      default: break;
    }
    char32_t literal = 0;
    if (EscapeLiteral(c, /*in_set=*/false, &literal)) Literal(seq, literal);
  }

  // An escape that stands for one character; false after Fail/Unsupported.
  auto EscapeLiteral(char32_t c, bool in_set, char32_t* out) -> bool {
    switch (c) {
      case 'a': *out = 7; return true;
      case 'f': *out = 12; return true;
      case 'n': *out = 10; return true;
      case 'r': *out = 13; return true;
      case 't': *out = 9; return true;
      case 'v': *out = 11; return true;
      case '\\': *out = '\\'; return true;
      case 'x':
      case 'u': {
        size_t digits = c == 'x' ? 2 : 4;
        char32_t value = 0;
        for (size_t k = 0; k < digits; ++k) {
          if (HexValue(Peek()) < 0) {
            Fail(fmt::format("incomplete escape \\{}", static_cast<char>(c)));
            return false;
          }
          value = value * 16 + static_cast<char32_t>(HexValue(p_[i_++]));
        }
        *out = value;
        return true;
      }
      default: break;
    }
    if (in_set && c == 'b') {
      *out = 8;
      return true;
    }
    // Octal escapes, back references, \U and \N{...}.
    if (IsDecimal(c) || c == 'U' || c == 'N') {
      Unsupported();
      return false;
    }
    if (IsAsciiLetter(c)) {
      Fail(fmt::format("bad escape \\{}", static_cast<char>(c)));
      return false;
    }
    *out = c;
    return true;
  }

  struct SetItem {
    char32_t ch = 0;
    uint8_t category = 0;
  };

  auto SetEscape(SetItem* item) -> bool {
    if (AtEnd()) {
      Fail("bad escape (end of pattern)");
      return false;
    }
    char32_t c = p_[i_++];
    constexpr std::pair<char32_t, uint8_t> kCategories[] = {
        {'d', kDigit}, {'D', kNotDigit}, {'s', kSpace},
        {'S', kNotSpace}, {'w', kWord}, {'W', kNotWord}};
    for (auto [letter, category] : kCategories) {
      if (c == letter) {
        item->category = category;
        return true;
      }
    }
    return EscapeLiteral(c, /*in_set=*/true, &item->ch);
  }

  // After `[`. A `]` right after `[` or `[^` is a literal.
  void Set(std::vector<uint32_t>& seq) {
    CharSet set{.negate = Eat('^')};
    bool any = false;
    auto add = [&](const SetItem& item) {
      if (item.category != 0) {
        set.categories |= item.category;
      } else {
        set.ranges.push_back({item.ch, item.ch});
      }
    };
    while (true) {
      if (AtEnd()) return Fail("unterminated character set");
      char32_t c = p_[i_++];
      if (c == ']' && any) break;
      SetItem first{.ch = c};
      if (c == '\\' && !SetEscape(&first)) return;
      any = true;
      if (!Eat('-')) {
        add(first);
        continue;
      }
      if (AtEnd()) return Fail("unterminated character set");
      char32_t d = p_[i_++];
      if (d == ']') {
        add(first);
        add({.ch = '-'});
        break;
      }
      SetItem last{.ch = d};
      if (d == '\\' && !SetEscape(&last)) return;
      if (first.category != 0 || last.category != 0 || last.ch < first.ch) {
        return Fail("bad character range");
      }
      set.ranges.push_back({first.ch, last.ch});
    }
    seq.push_back(Add({.kind = Kind::Set, .set = std::move(set)}));
  }

  std::u32string p_;
  size_t i_ = 0;
  std::vector<PatternNode>* nodes_ = nullptr;
  PythonPattern::Status status_ = PythonPattern::Status::Ok;
  std::string error_;
};

// Backtracking in Python's order: alternatives left to right, greedy
// repeats longest first, lazy ones shortest first.
class Matcher {
 public:
  using Continuation = FunctionRef<bool(size_t)>;

  Matcher(const std::vector<PatternNode>& nodes, const std::u32string& s)
      : nodes_(nodes), s_(s) {}

  auto unknown() const -> bool { return unknown_; }

  auto Node(uint32_t id, size_t pos, Continuation k) -> bool {
    if (Abort()) return false;
    const PatternNode& n = nodes_[id];
    switch (n.kind) {
      case Kind::Char:
      case Kind::Any:
      case Kind::Set: {
        Verdict one = One(n, pos);
        if (one == Verdict::Unknown) unknown_ = true;
        return one == Verdict::Yes && k(pos + 1);
      }
      case Kind::Begin:
        return pos == 0 && k(pos);
      case Kind::End:
        return (pos == s_.size() || (pos + 1 == s_.size() && s_[pos] == '\n')) &&
               k(pos);
      case Kind::EndOfString:
        return pos == s_.size() && k(pos);
      case Kind::Boundary:
      case Kind::NotBoundary: {
        // Python: neither holds in an empty string.
        if (s_.empty()) return false;
        Verdict at = AtBoundary(pos);
        if (at == Verdict::Unknown) unknown_ = true;
        return at == (n.kind == Kind::Boundary ? Verdict::Yes : Verdict::No) && k(pos);
      }
      case Kind::Group:
        for (const auto& alternative : n.alternatives) {
          if (Sequence(alternative, 0, pos, k)) return true;
        }
        return false;
      case Kind::LookAhead:
      case Kind::NegativeLookAhead: {
        bool found = false;
        for (const auto& alternative : n.alternatives) {
          if (Sequence(alternative, 0, pos, [](size_t) { return true; })) {
            found = true;
            break;
          }
        }
        if (unknown_) return false;
        return found == (n.kind == Kind::LookAhead) && k(pos);
      }
      case Kind::Repeat:
        return Repeat(n, 0, pos, k);
    }
    return false;
  }

 private:
  auto Abort() -> bool {
    if (++steps_ > kStepBudget) unknown_ = true;
    return unknown_;
  }

  auto One(const PatternNode& n, size_t pos) const -> Verdict {
    if (pos >= s_.size()) return Verdict::No;
    char32_t c = s_[pos];
    if (n.kind == Kind::Char) return c == n.ch ? Verdict::Yes : Verdict::No;
    if (n.kind == Kind::Any) return c != '\n' ? Verdict::Yes : Verdict::No;
    return InSet(n.set, c);
  }

  auto AtBoundary(size_t pos) const -> Verdict {
    Verdict before = pos > 0 ? InCategory(kWord, s_[pos - 1]) : Verdict::No;
    Verdict after = pos < s_.size() ? InCategory(kWord, s_[pos]) : Verdict::No;
    if (before == Verdict::Unknown || after == Verdict::Unknown) return Verdict::Unknown;
    return before != after ? Verdict::Yes : Verdict::No;
  }

  auto Sequence(const std::vector<uint32_t>& seq, size_t i, size_t pos,
                Continuation k) -> bool {
    if (Abort()) return false;
    if (i == seq.size()) return k(pos);
    if (++depth_ > kMaxDepth) {
      unknown_ = true;
      return false;
    }
    bool matched = Node(seq[i], pos, [&](size_t p) { return Sequence(seq, i + 1, p, k); });
    --depth_;
    return matched;
  }

  auto Repeat(const PatternNode& n, uint32_t count, size_t pos, Continuation k)
      -> bool {
    if (Abort()) return false;
    const PatternNode& child = nodes_[n.child];
    if (IsSingleChar(child.kind)) {
      size_t most = 0;
      while (most < n.max && pos + most < s_.size()) {
        Verdict one = One(child, pos + most);
        if (one == Verdict::Unknown) unknown_ = true;
        if (one != Verdict::Yes) break;
        ++most;
      }
      if (unknown_ || most < n.min) return false;
      for (size_t t = 0; t + n.min <= most; ++t) {
        size_t take = n.greedy ? most - t : n.min + t;
        if (k(pos + take)) return true;
        if (Abort()) return false;
      }
      return false;
    }
    bool more = count < n.max;
    // After an iteration that matched nothing, Python tries only the rest
    // of the pattern, not another iteration (sre's zero-width protection).
    auto again = [&](size_t p) {
      if (p == pos && count >= n.min) return k(p);
      return Repeat(n, count + 1, p, k);
    };
    if (n.greedy) {
      if (more && Node(n.child, pos, again)) return true;
      return count >= n.min && k(pos);
    }
    if (count >= n.min && k(pos)) return true;
    return more && Node(n.child, pos, again);
  }

  const std::vector<PatternNode>& nodes_;
  const std::u32string& s_;
  uint64_t steps_ = 0;
  uint32_t depth_ = 0;
  bool unknown_ = false;
};

}  // namespace

PythonPattern::PythonPattern(PythonPattern&&) noexcept = default;
auto PythonPattern::operator=(PythonPattern&&) noexcept -> PythonPattern& = default;
PythonPattern::~PythonPattern() = default;

auto PythonPattern::Compile(std::string_view pattern) -> PythonPattern {
  PythonPattern result;
  if (pattern.size() > kMaxPatternLength) return result;
  auto program = std::make_unique<Program>();
  Parser parser(DecodeUtf8(pattern));
  program->root = parser.Run(program->nodes);
  result.status_ = parser.status();
  result.error_ = parser.error();
  if (result.status_ == Status::Ok) result.program_ = std::move(program);
  return result;
}

auto PythonPattern::Match(std::string_view value, size_t* end) const -> Verdict {
  if (status_ != Status::Ok) return Verdict::Unknown;
  std::u32string s = DecodeUtf8(value);
  if (s.size() > kMaxValueLength) return Verdict::Unknown;
  Matcher matcher(program_->nodes, s);
  size_t found = 0;
  bool matched = matcher.Node(program_->root, 0, [&](size_t p) {
    found = p;
    return true;
  });
  if (matcher.unknown()) return Verdict::Unknown;
  if (!matched) return Verdict::No;
  *end = found;
  return Verdict::Yes;
}

}  // namespace isobar

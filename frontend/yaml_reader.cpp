#include "frontend/yaml_reader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <istream>
#include <span>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "common/spelling.h"
#include "frontend/document_builder.h"
#include "frontend/yaml_depth_scan.h"
#include "frontend/yaml_token_scan.h"

namespace isobar {

namespace {

// yaml-cpp spells `!!str` as the full tag.
constexpr std::string_view kYamlTagPrefix = "tag:yaml.org,2002:";

// A CloudFormation short-form tag and the key of its long form.
struct ShortForm {
  std::string_view tag;
  std::string_view function;
};

constexpr std::array kShortForms = {
    ShortForm{"!Ref", "Ref"},
    ShortForm{"!Condition", "Condition"},
    ShortForm{"!GetAtt", "Fn::GetAtt"},
    ShortForm{"!Sub", "Fn::Sub"},
    ShortForm{"!Join", "Fn::Join"},
    ShortForm{"!If", "Fn::If"},
    ShortForm{"!Select", "Fn::Select"},
    ShortForm{"!Split", "Fn::Split"},
    ShortForm{"!FindInMap", "Fn::FindInMap"},
    ShortForm{"!Base64", "Fn::Base64"},
    ShortForm{"!Cidr", "Fn::Cidr"},
    ShortForm{"!GetAZs", "Fn::GetAZs"},
    ShortForm{"!ImportValue", "Fn::ImportValue"},
    ShortForm{"!Equals", "Fn::Equals"},
    ShortForm{"!And", "Fn::And"},
    ShortForm{"!Or", "Fn::Or"},
    ShortForm{"!Not", "Fn::Not"},
    ShortForm{"!Transform", "Fn::Transform"},
    ShortForm{"!Length", "Fn::Length"},
    ShortForm{"!ToJsonString", "Fn::ToJsonString"},
    ShortForm{"!ForEach", "Fn::ForEach"},
    // The functions of a template's `Rules` section.
    ShortForm{"!Contains", "Fn::Contains"},
    ShortForm{"!EachMemberEquals", "Fn::EachMemberEquals"},
    ShortForm{"!EachMemberIn", "Fn::EachMemberIn"},
    ShortForm{"!RefAll", "Fn::RefAll"},
    ShortForm{"!ValueOf", "Fn::ValueOf"},
    ShortForm{"!ValueOfAll", "Fn::ValueOfAll"},
};

// The `!!` tags a template may use, as `!!name`.
constexpr std::array<std::string_view, 9> kStandardTags = {
    "!!str", "!!int", "!!float",  "!!bool",     "!!null",
    "!!map", "!!seq", "!!binary", "!!timestamp"};

// What a tag means to us.
struct TagMeaning {
  enum Kind : uint8_t {
    // No tag: yaml-cpp's "?".
    Untagged,
    // `!` alone, which yaml-cpp also reports for every quoted or block
    // scalar: a string.
    NonSpecific,
    // `!!str`, `!!binary`: a string whatever it looks like.
    String,
    // `!!null`.
    Null,
    // `!!int`, `!!map`, ...: accepted as written.
    Standard,
    // `!Ref`, `!GetAtt`, ...
    CfnShortForm,
    Unknown,
  };
  Kind kind = Untagged;
  const ShortForm* short_form = nullptr;
};

auto ClassifyTag(const std::string& tag) -> TagMeaning {
  if (tag.empty() || tag == "?") return {};
  if (tag == "!") return {.kind = TagMeaning::NonSpecific};
  if (tag.starts_with(kYamlTagPrefix)) {
    std::string_view name = std::string_view(tag).substr(kYamlTagPrefix.size());
    if (name == "str" || name == "binary") return {.kind = TagMeaning::String};
    if (name == "null") return {.kind = TagMeaning::Null};
    for (std::string_view standard : kStandardTags) {
      if (standard.substr(2) == name) return {.kind = TagMeaning::Standard};
    }
    return {.kind = TagMeaning::Unknown};
  }
  for (const ShortForm& form : kShortForms) {
    if (form.tag == tag) {
      return {.kind = TagMeaning::CfnShortForm, .short_form = &form};
    }
  }
  return {.kind = TagMeaning::Unknown};
}

// How yaml-cpp's tag reads in the source, for messages when the source
// text of the tag cannot be found.
auto DisplayTag(const std::string& tag) -> std::string {
  if (tag.starts_with(kYamlTagPrefix)) {
    return "!!" + tag.substr(kYamlTagPrefix.size());
  }
  return tag;
}

// An istream buffer over text we already hold, so the (possibly large)
// file is not copied once more for yaml-cpp.
class ViewBuffer final : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    // The get area is only read; streambuf's interface wants char*.
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

// Thrown by the probe when a second document starts, to stop yaml-cpp
// before it parses that document.
struct SecondDocument {
  YAML::Mark mark;
};

// Listens to the events after the first document; only the start of a
// further document matters.
class NextDocumentProbe final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    throw SecondDocument{mark};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Translates yaml-cpp's events for the first document into DocumentBuilder
// calls, measuring each node's range in the source.
class YamlEventReader final : public YAML::EventHandler {
 public:
  // `base` is where the text yaml-cpp sees starts in `source` (past a
  // byte-order mark).
  YamlEventReader(const SourceBuffer& source, uint32_t base,
                  DocumentBuilder& builder, DiagnosticEmitter& emitter)
      : source_(&source),
        text_(source.text()),
        base_(base),
        builder_(&builder),
        emitter_(&emitter) {}

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override { EndCollection(']'); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag,
                  YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override { EndCollection('}'); }

  // A problem that makes the rest of the events meaningless was reported;
  // they are ignored and the builder is left unfinished.
  auto stopped() const -> bool { return stopped_; }

  // Converts a yaml-cpp mark to a byte offset in the source.
  auto Offset(const YAML::Mark& mark) const -> uint32_t {
    uint32_t pos = base_ + static_cast<uint32_t>(std::max(mark.pos, 0));
    return std::min(pos, static_cast<uint32_t>(text_.size()));
  }

  // Where the innermost open flow collection starts, if one is open.
  auto OpenFlowBegin() const -> std::optional<uint32_t> {
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      if (it->flow) return it->begin;
    }
    return std::nullopt;
  }
  // Where the innermost open collection starts, if one is open.
  auto InnermostBegin() const -> std::optional<uint32_t> {
    if (open_.empty()) return std::nullopt;
    return open_.back().begin;
  }

 private:
  // A collection yaml-cpp has opened and not yet closed.
  struct OpenCollection {
    uint32_t begin;
    bool flow;
    bool mapping;
    // A short-form tag wrapped it in a synthetic mapping, which closes
    // with it.
    bool wrapped;
    // Children so far; in a mapping, even means a key comes next.
    uint32_t children = 0;
  };

  // A scalar's token in the source.
  struct ScalarToken {
    ByteRange range;
    ScalarStyle style = ScalarStyle::Plain;
    // No content at all (`key: !Ref` followed by a line break).
    bool empty = false;
  };

  auto InFlow() const -> bool { return flow_depth_ > 0; }
  auto AtKey() const -> bool {
    return !open_.empty() && open_.back().mapping &&
           open_.back().children % 2 == 0;
  }
  void CountChild() {
    if (!open_.empty()) ++open_.back().children;
  }
  void Advance(uint32_t pos) { cursor_ = std::max(cursor_, pos); }
  // The column of the enclosing block collection, which block scalar
  // content must be indented past; -1 at the top level.
  auto ParentIndent() const -> int;

  // Measures the scalar whose content starts at `start.content`. Reports an
  // unclosed quote and stops.
  auto MeasureScalar(const YamlNodeStart& start, const std::string& value)
      -> std::optional<ScalarToken>;
  // Adds `value` as a scalar node (or null) according to its tag.
  auto AddScalarNode(const ScalarToken& token, TagMeaning meaning,
                     std::string value) -> NodeId;
  // `!GetAtt a.b`: the list [a, b], split at the first dot.
  void AddGetAttParts(const ScalarToken& token, const std::string& value);
  // Opens the synthetic {Fn::Name: ...} mapping of a short form.
  auto BeginShortForm(const ShortForm& form, ByteRange tag) -> NodeId;
  // Reports a tag that is neither standard nor a CloudFormation short form.
  void ReportUnknownTag(ByteRange tag_range, const std::string& tag,
                        uint32_t node_begin);
  void BeginCollection(const YAML::Mark& mark, const std::string& tag,
                       YAML::anchor_t anchor, bool mapping);
  void EndCollection(char close);
  void Remember(YAML::anchor_t anchor, NodeId id);

  const SourceBuffer* source_;
  std::string_view text_;
  uint32_t base_;
  DocumentBuilder* builder_;
  DiagnosticEmitter* emitter_;
  std::vector<OpenCollection> open_;
  // yaml-cpp numbers a document's anchors 1, 2, 3...; index = anchor_t.
  std::vector<NodeId> anchors_;
  uint32_t flow_depth_ = 0;
  // The end of the last token read; empty nodes are placed after it.
  uint32_t cursor_ = 0;
  bool stopped_ = false;
};

auto YamlEventReader::ParentIndent() const -> int {
  if (open_.empty() || open_.back().flow) return -1;
  return YamlColumnOf(text_, open_.back().begin);
}

void YamlEventReader::Remember(YAML::anchor_t anchor, NodeId id) {
  if (anchor == 0) return;
  if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNoNode);
  anchors_[anchor] = id;
}

auto YamlEventReader::MeasureScalar(const YamlNodeStart& start,
                                    const std::string& value)
    -> std::optional<ScalarToken> {
  uint32_t begin = start.content;
  char c = begin < text_.size() ? text_[begin] : '\n';
  if (c == '"' || c == '\'') {
    std::optional<uint32_t> end = ScanYamlQuotedEnd(text_, begin);
    if (!end) {
      emitter_->Emit(DiagnosticKind::YamlSyntaxError,
                     Location{source_, {begin, begin + 1}},
                     "this {}-quoted string is never closed; the file ends "
                     "inside it",
                     c == '"' ? "double" : "single");
      builder_->Fail();
      stopped_ = true;
      return std::nullopt;
    }
    return ScalarToken{.range = {begin, *end}, .style = ScalarStyle::Quoted};
  }
  if (c == '|' || c == '>') {
    return ScalarToken{
        .range = {begin, ScanYamlBlockScalarEnd(text_, begin, ParentIndent())},
        .style = ScalarStyle::Block};
  }
  if (value.empty()) {
    // A tagged node with nothing after the tag.
    uint32_t at = start.properties_end;
    return ScalarToken{.range = {at, at}, .empty = true};
  }
  return ScalarToken{
      .range = {begin, ScanYamlPlainEnd(text_, begin, value.size(), InFlow())},
      .style = ScalarStyle::Plain};
}

auto YamlEventReader::AddScalarNode(const ScalarToken& token,
                                    TagMeaning meaning, std::string value)
    -> NodeId {
  ScalarStyle style = token.style;
  switch (meaning.kind) {
    case TagMeaning::NonSpecific:
    case TagMeaning::String:
      // `!!str 12` and `! 12` are strings even though they look plain.
      if (style == ScalarStyle::Plain) style = ScalarStyle::Quoted;
      return builder_->AddScalar(token.range, std::move(value), style);
    case TagMeaning::Null:
      return builder_->AddNull(token.range);
    default:
      if (token.empty) return builder_->AddNull(token.range);
      return builder_->AddScalar(token.range, std::move(value), style);
  }
}

void YamlEventReader::AddGetAttParts(const ScalarToken& token,
                                     const std::string& value) {
  builder_->BeginSequence(token.range.begin);
  size_t dot = value.find('.');
  if (dot == std::string::npos) {
    // CloudFormation reads `!GetAtt name` as a one-element list; the
    // function's checks report the missing attribute.
    builder_->AddScalar(token.range, value, token.style);
  } else {
    // Sub-ranges are exact when the token's text is the value itself
    // (plain, or quoted without escapes); otherwise both parts point at
    // the whole token.
    uint32_t inner = token.range.begin;
    uint32_t inner_size = token.range.end - token.range.begin;
    if (token.style == ScalarStyle::Quoted && inner_size >= 2) {
      ++inner;
      inner_size -= 2;
    }
    bool exact =
        inner_size == value.size() && text_.substr(inner, inner_size) == value;
    auto dot_at = static_cast<uint32_t>(dot);
    auto size = static_cast<uint32_t>(value.size());
    ByteRange first = exact ? ByteRange{inner, inner + dot_at} : token.range;
    ByteRange second =
        exact ? ByteRange{inner + dot_at + 1, inner + size} : token.range;
    builder_->AddScalar(first, value.substr(0, dot), token.style);
    builder_->AddScalar(second, value.substr(dot + 1), token.style);
  }
  builder_->EndCollection(token.range.end);
}

auto YamlEventReader::BeginShortForm(const ShortForm& form, ByteRange tag)
    -> NodeId {
  NodeId wrapper = builder_->BeginMapping(tag.begin);
  builder_->AddScalar(tag, std::string(form.function), ScalarStyle::Plain);
  builder_->RecordShortFormTag(tag);
  return wrapper;
}

void YamlEventReader::ReportUnknownTag(ByteRange tag_range,
                                       const std::string& tag,
                                       uint32_t node_begin) {
  std::string shown =
      tag_range.empty()
          ? DisplayTag(tag)
          : std::string(
                text_.substr(tag_range.begin, tag_range.end - tag_range.begin));
  ByteRange where = tag_range;
  if (where.empty()) {
    where = {node_begin,
             std::min<uint32_t>(node_begin + 1,
                                static_cast<uint32_t>(text_.size()))};
  }
  Location location{source_, where};
  std::string_view name = shown;
  // Compared without the `!` or `!!`, which every candidate shares and
  // which would otherwise make short names look alike (`!Foo`, `!Or`).
  bool standard = name.starts_with("!!");
  std::string_view bare = name.substr(standard ? 2 : name.starts_with("!"));
  std::array<std::string_view,
             std::max(kShortForms.size(), kStandardTags.size())>
      candidates{};
  size_t count = 0;
  if (standard) {
    for (std::string_view known : kStandardTags)
      candidates[count++] = known.substr(2);
  } else {
    for (const ShortForm& form : kShortForms)
      candidates[count++] = form.tag.substr(1);
  }
  std::optional<std::string_view> suggestion = SuggestSpelling(
      bare, std::span<const std::string_view>(candidates.data(), count));
  if (suggestion) {
    emitter_->Emit(DiagnosticKind::UnknownYamlTag, location,
                   "unknown YAML tag `{}`; did you mean `{}{}`?", shown,
                   standard ? "!!" : "!", *suggestion);
  } else if (standard) {
    emitter_->Emit(DiagnosticKind::UnknownYamlTag, location,
                   "unknown YAML tag `{}`; the standard tags are `!!str`, "
                   "`!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`, "
                   "`!!binary` and `!!timestamp`",
                   shown);
  } else {
    emitter_->Emit(DiagnosticKind::UnknownYamlTag, location,
                   "unknown YAML tag `{}`; CloudFormation short forms are "
                   "`!Ref`, `!Condition`, `!GetAtt`, `!Sub`, `!Join`, `!If` "
                   "and the other `Fn::` functions",
                   shown);
  }
}

void YamlEventReader::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  if (stopped_) return;
  uint32_t at = Offset(mark);
  YamlNodeStart start = ScanYamlNodeStart(text_, at, anchor != 0, false);
  ByteRange range;
  if (std::optional<uint32_t> end =
          ScanYamlNullWord(text_, start.content, InFlow(), AtKey())) {
    range = {start.content, *end};
  } else if (anchor != 0) {
    range = {start.properties_end, start.properties_end};
  } else {
    // An omitted value: yaml-cpp marks the token after it, often on the
    // next line, so place it just past the `:` or `-` it follows.
    uint32_t place = PlaceYamlEmptyNode(text_, cursor_, at, InFlow());
    range = {place, place};
  }
  CountChild();
  Remember(anchor, builder_->AddNull(range));
  Advance(range.end);
}

void YamlEventReader::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  if (stopped_) return;
  uint32_t at = Offset(mark);
  uint32_t end =
      at < text_.size() && text_[at] == '*' ? ScanYamlNameEnd(text_, at) : at;
  NodeId target = anchor < anchors_.size() ? anchors_[anchor] : kNoNode;
  CountChild();
  builder_->AddAlias(target, {at, end});
  Advance(end);
}

void YamlEventReader::OnScalar(const YAML::Mark& mark, const std::string& tag,
                               YAML::anchor_t anchor,
                               const std::string& value) {
  if (stopped_) return;
  TagMeaning meaning = ClassifyTag(tag);
  YamlNodeStart start = ScanYamlNodeStart(text_, Offset(mark), anchor != 0,
                                          meaning.kind != TagMeaning::Untagged);
  std::optional<ScalarToken> token = MeasureScalar(start, value);
  if (!token) return;
  CountChild();
  Advance(std::max(token->range.end, start.properties_end));

  if (meaning.kind == TagMeaning::CfnShortForm) {
    NodeId wrapper = BeginShortForm(*meaning.short_form, start.tag);
    if (meaning.short_form->function == "Fn::GetAtt" && !token->empty) {
      AddGetAttParts(*token, value);
    } else {
      AddScalarNode(*token, {}, value);
    }
    builder_->EndCollection(std::max(token->range.end, start.tag.end));
    Remember(anchor, wrapper);
    return;
  }
  if (meaning.kind == TagMeaning::Unknown) {
    ReportUnknownTag(start.tag, tag, token->range.begin);
    meaning = {};
  }
  Remember(anchor, AddScalarNode(*token, meaning, value));
}

void YamlEventReader::BeginCollection(const YAML::Mark& mark,
                                      const std::string& tag,
                                      YAML::anchor_t anchor, bool mapping) {
  TagMeaning meaning = ClassifyTag(tag);
  YamlNodeStart start = ScanYamlNodeStart(text_, Offset(mark), anchor != 0,
                                          meaning.kind != TagMeaning::Untagged);
  uint32_t begin = start.content;
  char open = mapping ? '{' : '[';
  bool flow = begin < text_.size() && text_[begin] == open;
  CountChild();
  bool wrapped = false;
  if (meaning.kind == TagMeaning::CfnShortForm) {
    Remember(anchor, BeginShortForm(*meaning.short_form, start.tag));
    wrapped = true;
  } else if (meaning.kind == TagMeaning::Unknown) {
    ReportUnknownTag(start.tag, tag, begin);
  }
  NodeId id =
      mapping ? builder_->BeginMapping(begin) : builder_->BeginSequence(begin);
  if (!wrapped) Remember(anchor, id);
  open_.push_back(
      {.begin = begin, .flow = flow, .mapping = mapping, .wrapped = wrapped});
  if (flow) ++flow_depth_;
  Advance(flow ? begin + 1 : std::max(begin, start.properties_end));
}

void YamlEventReader::OnSequenceStart(const YAML::Mark& mark,
                                      const std::string& tag,
                                      YAML::anchor_t anchor,
                                      YAML::EmitterStyle::value /*style*/) {
  if (stopped_) return;
  BeginCollection(mark, tag, anchor, /*mapping=*/false);
}

void YamlEventReader::OnMapStart(const YAML::Mark& mark, const std::string& tag,
                                 YAML::anchor_t anchor,
                                 YAML::EmitterStyle::value /*style*/) {
  if (stopped_) return;
  BeginCollection(mark, tag, anchor, /*mapping=*/true);
}

void YamlEventReader::EndCollection(char close) {
  if (stopped_ || open_.empty()) return;
  OpenCollection open = open_.back();
  open_.pop_back();
  if (open.flow) {
    --flow_depth_;
    std::optional<uint32_t> end = FindYamlFlowEnd(text_, cursor_, close);
    builder_->EndCollection(end);
    if (end) Advance(*end);
  } else {
    builder_->EndCollection();
  }
  if (open.wrapped) builder_->EndCollection();
}

// yaml-cpp's messages start lower case except for names like `YAML`; ours
// have no trailing period.
auto TidyMessage(std::string message) -> std::string {
  while (!message.empty() && (message.back() == '.' || message.back() == ' ')) {
    message.pop_back();
  }
  if (message.size() >= 2 &&
      std::isupper(static_cast<unsigned char>(message[0])) &&
      std::islower(static_cast<unsigned char>(message[1]))) {
    message[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  return message;
}

// One character at `pos` (a whole UTF-8 sequence), or an empty range at a
// line break or the end of the file.
auto CharacterAt(std::string_view text, uint32_t pos) -> ByteRange {
  if (pos >= text.size() || text[pos] == '\n' || text[pos] == '\r') {
    return {pos, pos};
  }
  uint32_t end = pos + 1;
  while (end < text.size() &&
         (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    ++end;
  }
  return {pos, end};
}

// The first tab in the indentation of the line holding `pos`, if any.
auto TabInIndentation(std::string_view text, uint32_t pos)
    -> std::optional<uint32_t> {
  uint32_t line = std::min<uint32_t>(pos, static_cast<uint32_t>(text.size()));
  while (line > 0 && text[line - 1] != '\n' && text[line - 1] != '\r') --line;
  for (uint32_t i = line; i < text.size(); ++i) {
    if (text[i] == '\t') return i;
    if (text[i] != ' ') break;
  }
  return std::nullopt;
}

// Where the key ends by a `:` at `pos` starts, when it is longer than the
// 1024 characters YAML allows an implicit key (yaml-cpp counts bytes, and
// then reports "illegal map value" at the `:`).
auto LongImplicitKey(std::string_view text, uint32_t pos)
    -> std::optional<uint32_t> {
  if (pos >= text.size() || text[pos] != ':') return std::nullopt;
  uint32_t line = pos;
  while (line > 0 && text[line - 1] != '\n' && text[line - 1] != '\r') --line;
  // Past the indentation and any `- ` entries that hold the mapping.
  uint32_t key = line;
  while (key < pos) {
    if (text[key] == ' ') {
      ++key;
    } else if (text[key] == '-' && key + 1 < pos && text[key + 1] == ' ') {
      key += 2;
    } else {
      break;
    }
  }
  if (pos - key <= 1024) return std::nullopt;
  return key;
}

// Reports a yaml-cpp syntax error, rewording the messages that need a hint.
void ReportParserError(const YAML::ParserException& error,
                       const YamlEventReader& reader,
                       const SourceBuffer& source, DiagnosticEmitter& emitter) {
  std::string_view text = source.text();
  uint32_t pos = reader.Offset(error.mark);
  if (std::optional<uint32_t> tab = TabInIndentation(text, pos)) {
    emitter.Emit(DiagnosticKind::YamlSyntaxError,
                 Location{&source, {*tab, *tab + 1}},
                 "a tab indents this line; YAML indentation must use spaces");
    return;
  }
  Location location{&source, CharacterAt(text, pos)};
  const std::string& msg = error.msg;
  if (msg == YAML::ErrorMsg::END_OF_SEQ_FLOW ||
      msg == YAML::ErrorMsg::END_OF_MAP_FLOW) {
    bool list = msg == YAML::ErrorMsg::END_OF_SEQ_FLOW;
    auto builder = emitter.Build(
        DiagnosticKind::YamlSyntaxError, location,
        "{}; a `{}` is missing, or a plain value contains `: ` or `#` and "
        "needs quotes",
        TidyMessage(msg), list ? ']' : '}');
    if (std::optional<uint32_t> open = reader.OpenFlowBegin()) {
      builder.Note(Location{&source, {*open, *open + 1}}, "the {} opens here",
                   list ? "list" : "mapping");
    }
    builder.Emit();
    return;
  }
  if (msg == YAML::ErrorMsg::MAP_VALUE) {
    if (std::optional<uint32_t> key = LongImplicitKey(text, pos)) {
      // yaml-cpp's message blamed the indentation (found with the hostile
      // inputs of tests/fuzz, docs/fuzzing.md).
      emitter.Emit(DiagnosticKind::YamlSyntaxError,
                   Location{&source, CharacterAt(text, *key)},
                   "this key is {} bytes long; YAML allows at most 1024 for a "
                   "key written without `? `, so shorten it or write `? key` "
                   "and then `: value` on the next line",
                   pos - *key);
      return;
    }
  }
  std::string hint;
  if (msg == YAML::ErrorMsg::MAP_VALUE) {
    hint =
        "; a key cannot start here (check the indentation, or quote a "
        "value that contains `: `)";
  } else if (msg == YAML::ErrorMsg::END_OF_MAP ||
             msg == YAML::ErrorMsg::END_OF_SEQ) {
    hint = "; check the indentation of this line";
  } else if (msg == YAML::ErrorMsg::BLOCK_ENTRY) {
    hint =
        "; a `- ` list cannot start on the line of its key: put it on the "
        "next line, indented";
  } else if (msg == YAML::ErrorMsg::UNKNOWN_TOKEN && pos < text.size() &&
             (text[pos] == '@' || text[pos] == '`')) {
    hint =
        "; `@` and `` ` `` are reserved in YAML, so a value starting with "
        "them needs quotes";
  } else if (msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
    hint = "; an anchor (`&name`) must come before its aliases";
  } else if (msg == YAML::ErrorMsg::FLOW_END) {
    hint = "; no `[` or `{` is open here";
  }
  emitter.Emit(DiagnosticKind::YamlSyntaxError, location, "{}{}",
               TidyMessage(msg), hint);
}

// Whether the document starting at `pos` is introduced by a marker (`---`,
// a directive, or a `...` ending the one before). Without one, yaml-cpp
// only started a new document because the first one's top-level node
// ended early: an indentation error, not a second document.
auto HasDocumentMarker(std::string_view text, uint32_t pos) -> bool {
  std::string_view rest = text.substr(pos);
  if (rest.starts_with("---") || rest.starts_with("%")) return true;
  // Walk back over blank and comment lines to the previous content line.
  uint32_t line_end = pos;
  while (line_end > 0) {
    uint32_t line = line_end - 1;
    while (line > 0 && text[line - 1] != '\n') --line;
    std::string_view content = text.substr(line, line_end - line);
    size_t first = content.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && content[first] != '#') {
      return content.substr(first).starts_with("...");
    }
    line_end = line;
  }
  return false;
}

// YAML, and PyYAML and so Heat, end a line at a lone `\r` (old Mac line
// endings) as well as at `\n` and `\r\n`; yaml-cpp does not, and refused
// such files with a misleading syntax error (found with the hostile
// inputs of tests/fuzz, docs/fuzzing.md). This copy has each lone `\r` replaced by `\n`. Every
// byte offset stays the same, so the parser and the pre-scans read the
// lines a YAML reader would, while diagnostics still point into the
// unchanged source. Nothing is copied for a file without a lone `\r`.
auto WithoutLoneCr(std::string_view text) -> std::optional<std::string> {
  auto lone = [&](size_t i) {
    return i + 1 == text.size() || text[i + 1] != '\n';
  };
  size_t cr = text.find('\r');
  while (cr != std::string_view::npos && !lone(cr)) {
    cr = text.find('\r', cr + 1);
  }
  if (cr == std::string_view::npos) return std::nullopt;
  std::string copy(text);
  for (size_t i = cr; i < copy.size(); ++i) {
    if (copy[i] == '\r' && lone(i)) copy[i] = '\n';
  }
  return copy;
}

}  // namespace

auto ParseYaml(const SourceBuffer& source, const ParseOptions& options,
               DiagnosticEmitter& emitter) -> std::optional<Document> {
  std::optional<std::string> normalized = WithoutLoneCr(source.text());
  std::string_view text = normalized ? *normalized : source.text();
  // yaml-cpp skips a UTF-8 byte-order mark without counting it in marks;
  // hand it the text after the mark and add the mark back to offsets.
  uint32_t base = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::string_view yaml_text = text.substr(base);

  if (std::optional<uint32_t> deep =
          ScanYamlDepth(yaml_text, options.max_depth)) {
    uint32_t at = base + *deep;
    emitter.Emit(DiagnosticKind::NestingTooDeep,
                 Location{&source, CharacterAt(text, at)},
                 "collections nest deeper than {} levels here; flatten the "
                 "structure",
                 options.max_depth);
    return std::nullopt;
  }

  DocumentBuilder builder(source, emitter, options.max_depth);
  YamlEventReader reader(source, base, builder, emitter);
  ViewBuffer buffer(yaml_text);
  std::istream input(&buffer);
  try {
    YAML::Parser parser(input);
    if (!parser.HandleNextDocument(reader)) return std::nullopt;
    if (reader.stopped()) return std::nullopt;
    try {
      NextDocumentProbe probe;
      parser.HandleNextDocument(probe);
    } catch (const SecondDocument& second) {
      uint32_t at = reader.Offset(second.mark);
      if (HasDocumentMarker(text, at)) {
        uint32_t end = text.substr(at).starts_with("---") ? at + 3 : at + 1;
        emitter.Emit(
            DiagnosticKind::MultipleDocuments,
            Location{&source, {at, std::min<uint32_t>(end, source.size())}},
            "the file holds more than one YAML document; Heat and "
            "CloudFormation read exactly one");
      } else {
        emitter.Emit(DiagnosticKind::YamlSyntaxError,
                     Location{&source, CharacterAt(text, at)},
                     "this line is outside the document's top-level node; "
                     "check its indentation");
      }
      return std::nullopt;
    }
  } catch (const YAML::DeepRecursion& error) {
    // The pre-scan keeps yaml-cpp below its own limit unless max_depth is
    // set above it; the builder has reported depth past max_depth already.
    if (builder.depth() <= options.max_depth) {
      uint32_t at = reader.InnermostBegin().value_or(reader.Offset(error.mark));
      emitter.Emit(DiagnosticKind::NestingTooDeep,
                   Location{&source, CharacterAt(text, at)},
                   "collections nest deeper than the YAML parser allows "
                   "({} levels) here; flatten the structure",
                   builder.depth());
    }
    return std::nullopt;
  } catch (const YAML::ParserException& error) {
    ReportParserError(error, reader, source, emitter);
    return std::nullopt;
  } catch (const YAML::Exception& error) {
    emitter.Emit(
        DiagnosticKind::YamlSyntaxError,
        Location{&source, CharacterAt(text, reader.Offset(error.mark))}, "{}",
        TidyMessage(error.msg));
    return std::nullopt;
  } catch (const std::exception& error) {
    emitter.Emit(DiagnosticKind::InternalError, Location{&source, {}},
                 "reading the YAML failed: {}", error.what());
    return std::nullopt;
  } catch (...) {
    emitter.Emit(DiagnosticKind::InternalError, Location{&source, {}},
                 "reading the YAML failed with an unknown error");
    return std::nullopt;
  }
  std::optional<Document> document = builder.Finish();
  // `---` with nothing after it is as empty as a file of comments.
  if (document && document->IsNull(document->root()) &&
      document->node(document->root()).range.empty()) {
    return std::nullopt;
  }
  return document;
}

}  // namespace isobar

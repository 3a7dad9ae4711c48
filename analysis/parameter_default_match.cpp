// A default against `allowed_values` and `allowed_pattern` (R151), as
// Heat compares them (constraints.py, AllowedValues and AllowedPattern),
// and, where AWS may deploy the template, as cfn-lint 1.51 does too.
#include "analysis/parameter_default_checker.h"

namespace isobar {

namespace {

// An item of a list default without the spaces around it (cfn-lint
// strips them; Heat does not).
auto Stripped(std::string_view item) -> std::string {
  size_t b = item.find_first_not_of(" \t\n\r\f\v");
  if (b == std::string_view::npos) return "";
  size_t e = item.find_last_not_of(" \t\n\r\f\v");
  return std::string(item.substr(b, e - b + 1));
}

}  // namespace

auto DefaultChecker::ListItems() const -> std::optional<std::vector<std::string>> {
  std::vector<std::string> items;
  if (value_.type == PyType::Str) {
    size_t start = 0;
    const std::string& text = value_.text;
    while (start <= text.size()) {
      size_t comma = std::min(text.find(',', start), text.size());
      items.push_back(text.substr(start, comma - start));
      start = comma + 1;
    }
    return items;
  }
  if (value_.type != PyType::List) return std::nullopt;
  for (NodeId item : vdoc_.node(node_).items) {
    auto text = PythonStr(LoadValue(item));
    if (!text) return std::nullopt;
    items.push_back(*text);
  }
  return items;
}

auto DefaultChecker::AllowedTexts(const ParamConstraint& c) const -> std::string {
  std::string out;
  const auto& items = doc_.node(c.value).items;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == 5) return out + ", ...";
    out += (i ? ", " : "") + ctx_.Show(items[i]);
  }
  return out;
}

void DefaultChecker::CheckAllowedValues(const ParamConstraint& c) {
  if (spec_.type == ParamType::List) return CheckListAllowed(c);
  if (spec_.type == ParamType::String || spec_.type == ParamType::Number ||
      spec_.type == ParamType::Boolean) {
    CheckScalarAllowed(c);
  }
}

void DefaultChecker::CheckScalarAllowed(const ParamConstraint& c) {
  const auto& allowed = doc_.node(c.value).items;
  // Heat: a list default passes when each item is allowed as loaded.
  if (value_.type == PyType::List) {
    if (!heat_rules_) return;
    for (NodeId item : vdoc_.node(node_).items) {
      bool found = false;
      for (NodeId a : allowed) {
        Verdict eq = PythonEquals(LoadValue(item), ctx_.Load(a));
        if (eq == Verdict::Unknown) return;
        found = found || eq == Verdict::Yes;
      }
      if (!found) {
        return Violation(c, "{} has an item that is not among its allowed "
                         "values ({}); use allowed values only",
                         Subject(), AllowedTexts(c));
      }
    }
    return;
  }
  // Heat converts the default and each allowed value to the parameter's
  // type (Schema.to_schema_type): str() for strings, numbers, booleans.
  bool heat_found = false;
  auto default_text = PythonStr(value_);
  double number = 0;
  if (spec_.type == ParamType::Number && ToNumber(value_, &number) != Verdict::Yes) {
    return;
  }
  for (NodeId a : allowed) {
    PyValue av = ctx_.Load(a);
    if (spec_.type == ParamType::String) {
      auto text = PythonStr(av);
      if (!text || !default_text) return;
      heat_found = heat_found || *text == *default_text;
    } else if (spec_.type == ParamType::Number) {
      double an = 0;
      if (ToNumber(av, &an) != Verdict::Yes) return;
      heat_found = heat_found || an == number;
    } else {
      if (IsHeatBoolean(av) != Verdict::Yes) return;
      heat_found = heat_found || HeatBooleanValue(av) == HeatBooleanValue(value_);
    }
  }
  if (heat_found) return;
  bool loaded_differently = spec_.type == ParamType::String &&
                            value_.type != PyType::Str && vdoc_.IsScalar(node_) &&
                            default_text != vdoc_.node(node_).value;
  if (!heat_rules_ && spec_.type == ParamType::String) {
    // CloudFormation compares the text as written.
    if (!vdoc_.IsScalar(node_)) return;
    for (NodeId a : allowed) {
      if (!doc_.IsScalar(a)) return;
      if (doc_.node(a).value == vdoc_.node(node_).value) return;
    }
  }
  if (loaded_differently && !spec_.hidden) {
    quote_fix_ = true;
    return Violation(c, "{} loads as {}, which Heat compares as `{}`, not among its "
                     "allowed values ({}); quote it",
                     Subject(), PyTypeDescription(value_.type), *default_text,
                     AllowedTexts(c));
  }
  // The same trap on the other side: an allowed value written like the
  // default that loads as another type (`yes`, `1.10`).
  std::string hint;
  if (spec_.type == ParamType::String && vdoc_.IsScalar(node_)) {
    for (NodeId a : allowed) {
      PyValue av = ctx_.Load(a);
      auto text = PythonStr(av);
      if (av.type != PyType::Str && doc_.IsScalar(a) && text &&
          doc_.node(a).value == vdoc_.node(node_).value && *text != doc_.node(a).value) {
        hint = fmt::format("; allowed value {} loads as {}, which Heat compares "
                           "as `{}`: quote it",
                           ctx_.Show(a), PyTypeDescription(av.type), *text);
        break;
      }
    }
  }
  Violation(c, "{} is not among its allowed values ({}){}", Subject(),
            AllowedTexts(c),
            hint.empty() ? "; use one of them, or add it to the list" : hint);
}

// A comma_delimited_list: every item must be allowed. Heat compares the
// items (strings, not stripped) with the allowed values as loaded;
// CloudFormation (cfn-lint) strips them and compares text, and accepts the
// default when it is itself an allowed value.
void DefaultChecker::CheckListAllowed(const ParamConstraint& c) {
  const auto& allowed = doc_.node(c.value).items;
  auto heat_allows = [&](std::string_view item) -> Verdict {
    for (NodeId a : allowed) {
      PyValue av = ctx_.Load(a);
      if (av.type == PyType::Unknown) return Verdict::Unknown;
      if (av.type == PyType::Str && av.text == item) return Verdict::Yes;
    }
    return Verdict::No;
  };
  auto aws_allows = [&](std::string_view item) -> Verdict {
    for (NodeId a : allowed) {
      if (!doc_.IsScalar(a)) return Verdict::Unknown;
      if (doc_.node(a).value == item) return Verdict::Yes;
    }
    return Verdict::No;
  };
  auto items = ListItems();
  if (!items) return;
  if (!heat_rules_) {
    if (!vdoc_.IsScalar(node_) || aws_allows(vdoc_.node(node_).value) != Verdict::No) {
      return;
    }
  }
  for (const std::string& item : *items) {
    if (heat_allows(item) != Verdict::No) continue;
    if (!heat_rules_) {
      if (aws_allows(Stripped(item)) != Verdict::No) continue;
    }
    std::string hint = "; use allowed values only, or add it to the list";
    std::string_view trimmed = item;
    while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
    if (heat_rules_ && trimmed != item && heat_allows(trimmed) == Verdict::Yes) {
      hint = "; Heat keeps the spaces around commas, so remove them";
    }
    for (NodeId a : allowed) {
      PyValue av = ctx_.Load(a);
      if (av.type != PyType::Str && PythonStr(av) == item) {
        hint = fmt::format("; allowed value {} is {}, and Heat compares the "
                           "items, which are strings, without converting: "
                           "quote it",
                           ctx_.Show(a), PyTypeDescription(av.type));
      }
    }
    std::string which = spec_.hidden ? std::string("an item")
                                     : fmt::format("item `{}`", item);
    return Violation(c, "{} of the {} of parameter `{}` is not among its "
                     "allowed values ({}){}",
                     which, Noun(), spec_.param->name, AllowedTexts(c), hint);
  }
}

void DefaultChecker::CheckPattern(const ParamConstraint& c) {
  std::string shown = ctx_.Show(c.value);
  if (spec_.type == ParamType::List) {
    if (!c.pattern) return;
    // Only CloudFormation applies a pattern to a list (Heat refuses the
    // constraint, R154 when Heat is the only reader): cfn-lint matches the
    // start of each stripped item, and of the whole default.
    if (heat_rules_ || !vdoc_.IsScalar(node_)) return;
    size_t end = 0;
    if (c.pattern->Match(vdoc_.node(node_).value, &end) != Verdict::No) return;
    auto items = ListItems();
    if (!items) return;
    for (const std::string& raw : *items) {
      std::string item = Stripped(raw);
      if (c.pattern->Match(item, &end) != Verdict::No) continue;
      std::string which = spec_.hidden ? std::string("an item")
                                       : fmt::format("item `{}`", item);
      return Violation(c, "{} of the {} of parameter `{}` does not match "
                       "its `{}` {}; change the item or the pattern",
                       which, Noun(), spec_.param->name, c.key, shown);
    }
    return;
  }
  if (value_.type != PyType::Str) {
    if (!heat_rules_) return;
    quote_fix_ = true;
    return Violation(c, "{} is {}, but `{}` matches strings only; quote it",
                     Subject(), PyTypeDescription(value_.type), c.key);
  }
  if (!c.pattern) return;
  std::string_view text = heat_rules_ ? std::string_view(value_.text)
                          : vdoc_.IsScalar(node_) ? std::string_view(vdoc_.node(node_).value)
                                                 : std::string_view();
  size_t end = 0;
  Verdict match = c.pattern->Match(text, &end);
  if (match == Verdict::No) {
    return Violation(c, "{} does not match its `{}` {}; change the {} or "
                     "the pattern",
                     Subject(), c.key, shown, Noun());
  }
  if (match == Verdict::Yes && heat_rules_ && end < CodePointCount(text)) {
    Violation(c, "{} does not match its `{}` {} as a whole: Python's first "
              "match covers only {} of its {} characters, and Heat requires "
              "all of them",
              Subject(), c.key, shown, end, CodePointCount(text));
  }
}


}  // namespace isobar

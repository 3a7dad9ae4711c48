// Argument rules for HOT digest, str_split and yaql. Heat 19:
// heat/engine/hot/functions.py, Digest, StrSplit, Yaql.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include "analysis/functions/argument_rules.h"

namespace isobar {

namespace {

// hashlib.algorithms_available of Debian 12's Python (OpenSSL 3), which
// Heat 19 compares against, plus names older OpenSSL builds offer.
constexpr std::string_view kDigests[] = {
    "blake2b", "blake2s",    "md4",        "md5",       "md5-sha1",
    "mdc2",    "ripemd160",  "sha1",       "sha224",    "sha256",
    "sha384",  "sha3_224",   "sha3_256",   "sha3_384",  "sha3_512",
    "sha512",  "sha512_224", "sha512_256", "shake_128", "shake_256",
    "sm3",     "whirlpool"};

auto IsInteger(std::string_view text) -> bool {
  long value = 0;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

auto CheckDigest(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsCall(arg)) return true;
  auto items = ctx.Items(arg);
  if (!ctx.IsList(arg) || items.size() != 2) {
    return ctx.Report(call, arg, "`digest` takes `[algorithm, value]`, not {}",
                      ctx.Describe(arg));
  }
  for (NodeId item : items) {
    if (!ctx.IsScalarOrCall(item)) {
      return ctx.Report(call, item,
                        "the arguments of `digest` must be strings, not {}",
                        ctx.Describe(item));
    }
  }
  if (ctx.IsScalar(items[0])) {
    std::string algorithm = ctx.Value(items[0]);
    std::transform(algorithm.begin(), algorithm.end(), algorithm.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (!Contains(kDigests, algorithm)) {
      return ctx.Report(call, items[0],
                        "unknown digest algorithm `{}`; use `md5`, `sha1`, "
                        "`sha224`, `sha256`, `sha384` or `sha512`",
                        ctx.Value(items[0]));
    }
  }
  return true;
}

auto CheckStrSplit(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsCall(arg)) return true;
  auto items = ctx.Items(arg);
  if (!ctx.IsList(arg) || items.size() < 2) {
    return ctx.Report(
        call, arg, "`str_split` takes `[delimiter, string, (index)]`, not {}",
        ctx.Describe(arg));
  }
  for (size_t i = 0; i < 2; ++i) {
    if (ctx.IsCollection(items[i])) {
      return ctx.Report(call, items[i],
                        "the {} of `str_split` must be a "
                        "string, not {}",
                        i == 0 ? "delimiter" : "string to split",
                        ctx.Describe(items[i]));
    }
  }
  if (items.size() > 2 && ctx.IsScalar(items[2]) &&
      !IsInteger(ctx.Value(items[2]))) {
    return ctx.Report(call, items[2],
                      "the index of `str_split` must be an "
                      "integer, not {}",
                      ctx.Describe(items[2]));
  }
  return true;
}

auto CheckYaql(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (!ctx.IsDataMap(arg)) {
    return ctx.Report(call, arg,
                      "`yaql` takes a mapping with `expression` and "
                      "`data`, not {}",
                      ctx.Describe(arg));
  }
  for (const MapEntry& e : ctx.doc().node(arg).entries) {
    if (e.key != "expression" && e.key != "data") {
      return ctx.ReportAt(e.key_range,
                          "`yaql` takes only `expression` and "
                          "`data`, not `{}`",
                          e.key);
    }
  }
  const MapEntry* expression = ctx.doc().Find(arg, "expression");
  if (expression == nullptr) {
    return ctx.Report(call, arg, "`yaql` needs an `expression`");
  }
  if (!ctx.IsScalarOrCall(expression->value)) {
    return ctx.Report(call, expression->value,
                      "the `expression` of `yaql` must be a string, not {}",
                      ctx.Describe(expression->value));
  }
  return true;
}

}  // namespace isobar

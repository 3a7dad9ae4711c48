#include "frontend/load.h"

#include <fstream>
#include <system_error>

#include "common/text.h"
#include "frontend/json_reader.h"
#include "frontend/model_builder.h"
#include "frontend/yaml_reader.h"

namespace isobar {

namespace {

// Length of the UTF-8 sequence at `p`, or 0 if it is invalid (overlong
// forms, surrogates and code points past U+10FFFF included).
auto Utf8SequenceLength(std::string_view text, size_t i) -> size_t {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t n = 0;
  uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return n;
}

auto StartsWithBom(std::string_view text) -> bool {
  return text.starts_with("\xEF\xBB\xBF");
}

// JSON when the first significant character opens a JSON value and the
// file is not named as YAML. A `.yaml` file written as JSON goes through the
// YAML reader, which accepts JSON too; the positions are the same.
auto LooksLikeJson(const SourceBuffer& source) -> bool {
  std::string_view text = source.text();
  if (StartsWithBom(text)) text.remove_prefix(3);
  size_t i = text.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos || (text[i] != '{' && text[i] != '[')) {
    return false;
  }
  std::string_view name = source.filename();
  return !(EndsWithIgnoreCase(name, ".yaml") || EndsWithIgnoreCase(name, ".yml"));
}

// isobar never expands aliases, but Heat does as soon as it copies or
// stores the template: a few hundred bytes of nested aliases become more
// nodes than any machine holds ("billion laughs").
constexpr uint64_t kMaxExpandedNodes = 1'000'000;

auto CheckAliasExpansion(const Document& document, DiagnosticEmitter& emitter)
    -> bool {
  // Large templates without aliases are fine: only expansion counts.
  uint64_t cap = std::max<uint64_t>(kMaxExpandedNodes, 4 * document.node_count());
  NodeId where = kNoNode;
  if (ExpandedSize(document, document.root(), cap, &where) < cap) return true;
  emitter.Emit(DiagnosticKind::AliasExpansionTooLarge, document.LocationOf(where),
               "YAML aliases expand this value to more than {} nodes (the file "
               "writes {}); Heat expands aliases and would run out of memory, "
               "so write the data out or nest fewer aliases",
               cap, document.node_count());
  return false;
}

}  // namespace

auto ReadSourceFile(const std::filesystem::path& path,
                    const std::string& display_name, const LoadOptions& options,
                    DiagnosticEmitter& emitter) -> ReadResult {
  auto fail = [&](std::string message, DiagnosticKind kind) {
    ReadResult result{std::make_unique<SourceBuffer>(display_name, ""), false};
    emitter.Emit(kind, {result.buffer.get(), {}}, "{}", message);
    return result;
  };
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec) {
    return fail(fmt::format("cannot read `{}`: {}", display_name, LowerFirst(ec.message())),
                DiagnosticKind::FileUnreadable);
  }
  if (std::filesystem::is_directory(status)) {
    return fail(fmt::format("cannot read `{}`: it is a directory", display_name),
                DiagnosticKind::FileUnreadable);
  }
  if (!std::filesystem::is_regular_file(status)) {
    // A FIFO or device could block or never end; templates are files.
    return fail(fmt::format("cannot read `{}`: not a regular file", display_name),
                DiagnosticKind::FileUnreadable);
  }
  {
    uint64_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > options.max_file_bytes) {
      return fail(fmt::format("`{}` is {} bytes, over the limit of {} bytes; "
                              "split the template or raise --max-file-size",
                              display_name, size, options.max_file_bytes),
                  DiagnosticKind::FileTooLarge);
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(fmt::format("cannot read `{}`: {}", display_name,
                            LowerFirst(std::generic_category().message(errno))),
                DiagnosticKind::FileUnreadable);
  }
  // Read at most one byte past the limit, so a pipe or device cannot make
  // us read without end.
  std::string text;
  char chunk[65536];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in.gcount()));
    if (text.size() > options.max_file_bytes) {
      return fail(fmt::format("`{}` is over the limit of {} bytes; split the "
                              "template or raise --max-file-size",
                              display_name, options.max_file_bytes),
                  DiagnosticKind::FileTooLarge);
    }
  }
  if (in.bad()) {
    return fail(fmt::format("cannot read `{}`: read error", display_name),
                DiagnosticKind::FileUnreadable);
  }
  return {std::make_unique<SourceBuffer>(display_name, std::move(text)), true};
}

auto CheckSourceText(const SourceBuffer& source, const LoadOptions& options,
                     DiagnosticEmitter& emitter) -> bool {
  std::string_view text = source.text();
  if (text.size() > options.max_file_bytes) {
    emitter.Emit(DiagnosticKind::FileTooLarge, {&source, {0, 0}},
                 "the file is {} bytes, over the limit of {} bytes",
                 text.size(), options.max_file_bytes);
    return false;
  }
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    auto at = static_cast<uint32_t>(nul);
    emitter.Emit(DiagnosticKind::BinaryFile, {&source, {at, at + 1}},
                 "the file holds binary data (a NUL byte at offset {}); a "
                 "template must be YAML or JSON text",
                 nul);
    return false;
  }
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      auto at = static_cast<uint32_t>(i);
      emitter.Emit(DiagnosticKind::InvalidUtf8, {&source, {at, at + 1}},
                   "byte 0x{:02X} is not valid UTF-8; save the file as UTF-8",
                   static_cast<unsigned char>(text[i]));
      return false;
    }
    i += n;
  }
  std::string_view body = text;
  if (StartsWithBom(body)) body.remove_prefix(3);
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    if (!options.empty_is_error) return false;
    emitter.Emit(DiagnosticKind::EmptyFile, {&source, {0, 0}},
                 "the file is empty; a template needs at least a version and "
                 "resources");
    return false;
  }
  return true;
}

auto LoadTemplate(const SourceBuffer& source, const LoadOptions& options,
                  DiagnosticEmitter& emitter) -> std::optional<Template> {
  if (!CheckSourceText(source, options, emitter)) return std::nullopt;
  size_t errors_before = emitter.error_count();
  std::optional<Document> document =
      LooksLikeJson(source) ? ParseJson(source, options.parse, emitter)
                            : ParseYaml(source, options.parse, emitter);
  if (!document) {
    if (emitter.error_count() == errors_before && options.empty_is_error) {
      // Only comments, or a document with no content.
      emitter.Emit(DiagnosticKind::EmptyFile, {&source, {0, 0}},
                   "the file holds no YAML content, only comments, blank "
                   "lines or document markers");
    }
    return std::nullopt;
  }
  if (document->IsNull(document->root())) {
    if (!options.empty_is_error) return std::nullopt;
    emitter.Emit(DiagnosticKind::EmptyFile, {&source, {0, 0}},
                 "the file's only document is empty");
    return std::nullopt;
  }
  if (!CheckAliasExpansion(*document, emitter)) return std::nullopt;
  return BuildTemplate(std::move(*document));
}

}  // namespace isobar

// ErrorOr<T>: the result of an operation that can fail for operational
// reasons (an unreadable file, a bad flag). Problems in template content are
// diagnostics instead.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "common/check.h"

namespace isobar {

struct Error {
  std::string message;
};

template <typename T>
class [[nodiscard]] ErrorOr {
 public:
  ErrorOr(T value) : data_(std::move(value)) {}
  ErrorOr(Error error) : data_(std::move(error)) {}

  auto ok() const -> bool { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }

  auto operator*() -> T& { return value(); }
  auto operator->() -> T* { return &value(); }
  auto value() -> T& {
    ISOBAR_CHECK(ok(), "value() on an error");
    return std::get<T>(data_);
  }
  auto error() const -> const Error& {
    ISOBAR_CHECK(!ok(), "error() on a value");
    return std::get<Error>(data_);
  }

 private:
  std::variant<T, Error> data_;
};

}  // namespace isobar

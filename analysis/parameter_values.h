// Parameter values as Heat sees them. Heat loads a template with PyYAML
// (YAML 1.1) or Python's json module, then converts parameter values with
// Python: int() and float() for numbers, str() before comparing strings,
// oslo's bool_from_string for booleans, json.loads for json. These
// functions reproduce those conversions on the document tree, and say
// "unknown" whenever they cannot be sure (non-ASCII text, huge integers,
// collections where a scalar is needed), so a check built on them never
// reports a value Heat would accept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "frontend/document.h"

namespace isobar {

// The Python type a node loads as.
enum class PyType : uint8_t { None, Bool, Int, Float, Str, List, Map, Unknown };

// "a number", "a string", "a list", ...: for messages.
auto PyTypeDescription(PyType type) -> std::string_view;

// A loaded value. Collections keep only their size; their items are
// nodes of the document.
struct PyValue {
  PyType type = PyType::Unknown;
  bool boolean = false;
  // Int, Float and Bool (as 0 or 1). An Int beyond 2^53 is rounded.
  double number = 0;
  // Int: the exact value when it fits in 64 bits.
  std::optional<int64_t> integer;
  // Str: the text.
  std::string text;
  // List and Map: the number of items or entries.
  size_t size = 0;
};

// How a template's scalars are typed.
struct ValueTyping {
  // The text may be JSON (it starts with `{` or `[`): Heat tries
  // json.loads before PyYAML, so a plain scalar whose JSON and YAML
  // readings differ (`1e3`) is Unknown.
  bool maybe_json = false;

  static auto For(const Document& doc) -> ValueTyping;
};

// The value `id` loads as: plain scalars typed as PyYAML resolves them
// (`yes` is a bool, `0x1F` an int, `1e3` a string, dates stay strings as
// in Heat's loader), quoted and block scalars as strings.
auto LoadValue(const Document& doc, NodeId id, ValueTyping typing) -> PyValue;

// Python's str() of a scalar value: `True`, `12`, `1.5`, `None`; nullopt
// for collections, huge integers and Unknown.
auto PythonStr(const PyValue& value) -> std::optional<std::string>;

// Python's repr() of a float: shortest round trip, `1.0`, `1e+16`, `inf`.
auto PythonFloatRepr(double value) -> std::string;

enum class Verdict : uint8_t { Yes, No, Unknown };

// Python's int(text), or failing that float(text): Yes with the number
// (and `integral` set when int() read it), No when both raise ValueError,
// Unknown for non-ASCII text (Python also reads Unicode digits and spaces).
auto ParsePythonNumber(std::string_view text, double* number,
                       bool* integral = nullptr) -> Verdict;

// Heat's Schema.str_to_num on a loaded value: numbers and booleans pass,
// strings go through ParsePythonNumber, anything else is No. `integral`
// is set when the result is a Python int (or bool).
auto ToNumber(const PyValue& value, double* number, bool* integral = nullptr)
    -> Verdict;

// strutils.bool_from_string(str(value), strict=True): Yes when it
// accepts the value.
auto IsHeatBoolean(const PyValue& value) -> Verdict;
// The boolean it reads, once IsHeatBoolean said Yes.
auto HeatBooleanValue(const PyValue& value) -> bool;

// What Heat's NumberParam and BooleanParam make of a value: int() or
// float() (an exact integer kept where it is known), bool_from_string();
// nullopt when Heat would refuse the value.
auto HeatNumberParamValue(const PyValue& raw) -> std::optional<PyValue>;
auto HeatBooleanParamValue(const PyValue& raw) -> std::optional<PyValue>;

// json.loads(text) succeeds (Python also reads `NaN` and `Infinity`).
auto IsPythonJson(std::string_view text) -> Verdict;

// json.loads(text), as far as len() sees it: Yes with the type (Map, List
// or Str) and length, No with the type when it has no length (Int, Float,
// Bool, None), Unknown when the text is not JSON that both Python and
// isobar read alike.
auto LoadJsonForLength(std::string_view text, PyType* type, size_t* length)
    -> Verdict;

// len() of a Python str: code points, not bytes.
auto CodePointCount(std::string_view text) -> size_t;

// Python `a == b` for two scalars (1 == 1.0 == True; a string never
// equals a number). Unknown for collections.
auto PythonEquals(const PyValue& a, const PyValue& b) -> Verdict;

}  // namespace isobar

// CloudFormation `Fn::Sub` template strings, for analysis/sub_string.cpp.
//
// A lexer alone: the language is flat, so the reader walks the tokens in a
// small loop and never builds a parse tree. ANTLR names the generated class
// after the grammar: `isobar_grammar::Sub`.
//
//   `arn:${AWS::Partition}:s3:::${Bucket}/${!Key}`
//   TEXT OPEN NAME CLOSE TEXT OPEN NAME CLOSE DOLLAR OPEN ESCAPED CLOSE
//
// `$` starts a variable only when `{` follows it; `$${X}` is a literal `$`
// and then the variable `X` (CloudFormation has no `$$` escape). A variable
// runs to the first `}`; its body is whatever lies between. Trimming the
// body, splitting `Resource.Attribute` and telling an empty body apart are
// left to the reader, which reports them with exact ranges.
lexer grammar Sub;

// Longest match: `${` wins over `$` whenever the brace follows.
OPEN   : '${' -> pushMode(VARIABLE) ;
DOLLAR : '$' ;
TEXT   : ~'$'+ ;

mode VARIABLE;

CLOSE : '}' -> popMode ;

// `${!Literal}` and `${ !Literal}`: an escape that CloudFormation writes out
// as `${Literal}`. Listed before NAME so that it wins the tie when both
// match the same text.
ESCAPED : [ \t\r\n\f\u000B]* '!' ~'}'* ;

// Everything else up to the closing brace, spaces included: `${ Name }`.
NAME : ~'}'+ ;

// JSON (RFC 8259) for isobar's JSON reader (frontend/json_reader.cpp).
//
// Rules carry no actions: the reader subclasses the generated parser and
// records every token that `match` accepts. Keep each token an alternative
// of its own: ANTLR compiles a set such as `(KW_TRUE | KW_FALSE)` to a bare
// `consume()`, which the reader would never see. Tokens keep their code
// point positions, which the reader maps back to byte offsets.
// Punctuation has named tokens so that the reader can tell which of `,`,
// `:`, `}` or `]` the parser expected when it explains a syntax error.
grammar Json;

document : value EOF ;

value
  : object
  | array
  | STRING
  | NUMBER
  | KW_TRUE
  | KW_FALSE
  | KW_NULL
  ;

object : LBRACE (member (COMMA member)*)? RBRACE ;
member : STRING COLON value ;
array  : LBRACKET (value (COMMA value)*)? RBRACKET ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COMMA    : ',' ;
COLON    : ':' ;

KW_TRUE  : 'true' ;
KW_FALSE : 'false' ;
KW_NULL  : 'null' ;

// Raw control characters are not allowed inside strings; the reader explains
// the lexer error this causes (unterminated string, unescaped tab).
STRING : '"' (ESCAPE | SAFE_CHAR)* '"' ;
fragment ESCAPE : '\\' (["\\/bfnrt] | 'u' HEX HEX HEX HEX) ;
fragment HEX : [0-9a-fA-F] ;
fragment SAFE_CHAR : ~["\\\u0000-\u001F] ;

NUMBER : '-'? INT ('.' [0-9]+)? EXP? ;
fragment INT : '0' | [1-9] [0-9]* ;
fragment EXP : [Ee] [+-]? [0-9]+ ;

WS : [ \t\n\r]+ -> skip ;

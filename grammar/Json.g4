// JSON (RFC 8259) for isobar's JSON reader. Tokens keep their character
// positions, which the reader maps back to byte offsets.
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

object : '{' (member (',' member)*)? '}' ;
member : STRING ':' value ;
array  : '[' (value (',' value)*)? ']' ;

KW_TRUE  : 'true' ;
KW_FALSE : 'false' ;
KW_NULL  : 'null' ;

STRING : '"' (ESCAPE | SAFE_CHAR)* '"' ;
fragment ESCAPE : '\\' (["\\/bfnrt] | 'u' HEX HEX HEX HEX) ;
fragment HEX : [0-9a-fA-F] ;
fragment SAFE_CHAR : ~["\\\u0000-\u001F] ;

NUMBER : '-'? INT ('.' [0-9]+)? EXP? ;
fragment INT : '0' | [1-9] [0-9]* ;
fragment EXP : [Ee] [+-]? [0-9]+ ;

WS : [ \t\n\r]+ -> skip ;

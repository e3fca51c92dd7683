// The tokens of the .hyp language, version 1 (docs/language.md, "Lexical").
lexer grammar HypLexer;

// Keywords may not be used as names.
EXPERIMENT : 'experiment';
SEARCH     : 'search';
OBJECTIVE  : 'objective';
MAXIMIZE   : 'maximize';
MINIMIZE   : 'minimize';
ON         : 'on';
FOR        : 'for';
IN         : 'in';
IF         : 'if';
AND        : 'and';
OR         : 'or';
NOT        : 'not';
TRUE       : 'true';
FALSE      : 'false';

LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
COMMA    : ',';
DOTDOT   : '..';
EQ       : '==';
NE       : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
ASSIGN   : '=';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';

// `10m` is a duration, not the number 10 followed by the name `m` (longest match wins).
DURATION : DIGITS ('s' | 'm' | 'h');
NUMBER   : DIGITS ('.' DIGITS)? EXPONENT? | '.' DIGITS EXPONENT?;
STRING   : '"' (ESCAPE | ~["\\\r\n])* '"';
IDENTIFIER : [A-Za-z_] [A-Za-z0-9_]*;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
WHITESPACE    : [ \t\r\n\f]+ -> channel(HIDDEN);

// Malformed input becomes tokens of its own, so the parser reports it with a location
// instead of the lexer printing to stderr.
UNTERMINATED_STRING        : '"' (ESCAPE | ~["\\\r\n])* ('\\')?;
// Only text with no `*/` in it up to the end of the file: a closed comment is BLOCK_COMMENT.
UNTERMINATED_BLOCK_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF;
UNKNOWN_CHARACTER          : .;

fragment DIGITS   : [0-9]+;
fragment EXPONENT : [eE] [+-]? DIGITS;
fragment ESCAPE   : '\\' .;

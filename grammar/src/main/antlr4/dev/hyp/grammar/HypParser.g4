// The syntax of the .hyp language, version 1 (docs/language.md, "Structure").
// Deliberately uniform: sections, settings and layer calls share one shape, and the
// checker gives them meaning, so that a misspelt section name is a clear "unknown
// section" error with a suggestion rather than a syntax error.
parser grammar HypParser;

options { tokenVocab = HypLexer; }

file
    : experiment EOF
    ;

experiment
    : EXPERIMENT name=identifier LBRACE member* RBRACE
    ;

member
    : OBJECTIVE ASSIGN direction=(MAXIMIZE | MINIMIZE) metric=identifier ON split=identifier
          (COMMA objectiveTerm)*                                                               #objectiveMember
    | SEARCH strategy=identifier LBRACE member* RBRACE                                        #searchMember
    | FOR variable=identifier IN from=expression DOTDOT to=expression LBRACE member* RBRACE    #forMember
    | name=identifier LBRACE member* RBRACE                                                   #blockMember
    | name=identifier (LBRACKET bound=expression RBRACKET)? ASSIGN value=expression
          (IF when=condition)?                                                                #settingMember
    | callee=identifier LPAREN arguments? RPAREN                                              #callMember
    | measure=identifier (ON split=identifier)? op=(LE | GE) limit=expression                 #constraintMember
    ;

// a further objective: `minimize params`, `maximize f1 on validation` (the first is always a metric, with its split)
objectiveTerm
    : direction=(MAXIMIZE | MINIMIZE) measure=identifier (ON split=identifier)?
    ;

condition
    : NOT operand=condition                                                 #notCondition
    | left=condition AND right=condition                                    #andCondition
    | left=condition OR right=condition                                     #orCondition
    | LPAREN inner=condition RPAREN                                         #parenCondition
    | left=expression op=(EQ | NE | LT | LE | GT | GE) right=expression     #compareCondition
    ;

expression
    : MINUS operand=expression                                              #negateExpression
    | left=expression op=(STAR | SLASH) right=expression                    #binaryExpression
    | left=expression op=(PLUS | MINUS) right=expression                    #binaryExpression
    | callee=identifier LPAREN arguments? RPAREN                            #callExpression
    | name=identifier LBRACKET index=expression RBRACKET                     #indexExpression
    | name=identifier                                                       #nameExpression
    | NUMBER                                                                #numberExpression
    | DURATION                                                              #durationExpression
    | STRING                                                                #stringExpression
    | value=(TRUE | FALSE)                                                  #booleanExpression
    | LPAREN inner=expression RPAREN                                        #parenExpression
    | LBRACKET (expression (COMMA expression)* COMMA?)? RBRACKET            #listExpression
    ;

arguments
    : argument (COMMA argument)* COMMA?
    ;

argument
    : (name=identifier ASSIGN)? value=expression
    ;

identifier
    : IDENTIFIER
    ;

/*
 * TDL: the Python subset that .tdl scripts are written in (LANGUAGE.md sections 1 and 2).
 *
 * The layering follows Python's own grammar (lambda < ternary < or < and < not < comparison <
 * bitwise/arithmetic < unary < ** < primary) so that for-targets and comprehension iterables can
 * stop at the level Python stops at. INDENT, DEDENT and the logical NEWLINE tokens are produced by
 * IndentingTokenSource (Java) around the generated lexer; the grammar itself has no actions.
 */
grammar TDL;

// tdl.syntax.Parser (the public entry point) would otherwise shadow ANTLR's Parser in this package
options { superClass = org.antlr.v4.runtime.Parser; }

tokens { INDENT, DEDENT }

// ---------------------------------------------------------------- entry points

fileInput : stmt* EOF ;

/** The expression inside an f-string replacement field. */
fieldInput : testList NEWLINE? EOF ;

// ---------------------------------------------------------------- statements

stmt
    : simpleStmts                                              # SimpleLine
    | compoundStmt                                             # CompoundLine
    ;

simpleStmts : simpleStmt (SEMI simpleStmt)* SEMI? NEWLINE ;

/** Expression statement, assignment chain, or augmented assignment: one alternative so that
 *  prediction need not scan the whole left-hand side twice. */
simpleStmt
    : testListStar (augOp=(PLUS_ASSIGN | MINUS_ASSIGN | STAR_ASSIGN | SLASH_ASSIGN | DSLASH_ASSIGN
                          | PERCENT_ASSIGN | POWER_ASSIGN | AT_ASSIGN | AMP_ASSIGN | PIPE_ASSIGN
                          | CARET_ASSIGN | LSHIFT_ASSIGN | RSHIFT_ASSIGN) testList
                   | (ASSIGN testListStar)*)                   # ExprOrAssignStmt
    | DEL exprList                                             # DelStmt
    | PASS                                                     # PassStmt
    | BREAK                                                    # BreakStmt
    | CONTINUE                                                 # ContinueStmt
    | RETURN testListStar?                                     # ReturnStmt
    | RAISE (test (FROM test)?)?                               # RaiseStmt
    | IMPORT dottedAsName (COMMA dottedAsName)*                # ImportStmt
    | FROM dottedName IMPORT importTargets                     # FromImportStmt
    | GLOBAL NAME (COMMA NAME)*                                # GlobalStmt
    | NONLOCAL NAME (COMMA NAME)*                              # NonlocalStmt
    | ASSERT test (COMMA test)?                                # AssertStmt
    ;

dottedAsName : dottedName (AS NAME)? ;

dottedName : NAME (DOT NAME)* ;

importTargets
    : STAR                                                     # StarImport
    | LPAREN importAsName (COMMA importAsName)* COMMA? RPAREN  # ParenImport
    | importAsName (COMMA importAsName)*                       # PlainImport
    ;

importAsName : NAME (AS NAME)? ;

compoundStmt
    : IF test COLON suite (ELIF test COLON suite)* (ELSE COLON suite)?      # IfStmt
    | WHILE test COLON suite (ELSE COLON suite)?                           # WhileStmt
    | FOR exprList IN testList COLON suite (ELSE COLON suite)?             # ForStmt
    | TRY COLON suite exceptClause* (ELSE COLON suite)? (FINALLY COLON suite)?  # TryStmt
    | WITH withItem (COMMA withItem)* COLON suite                          # WithStmt
    | decorator* DEF NAME LPAREN paramList? RPAREN (ARROW test)? COLON suite  # FuncDef
    | CLASS NAME (LPAREN argList? RPAREN)? COLON suite                     # ClassDef
    ;

exceptClause : EXCEPT (test (AS NAME)?)? COLON suite ;

withItem : test (AS expr)? ;

decorator : AT test NEWLINE ;

paramList : param (COMMA param)* COMMA? ;

param
    : NAME (COLON test)? (ASSIGN test)?                        # PlainParam
    | STAR NAME (COLON test)?                                  # StarParam
    | POWER NAME (COLON test)?                                 # DoubleStarParam
    ;

suite
    : simpleStmts                                              # InlineSuite
    | NEWLINE INDENT stmt+ DEDENT                              # BlockSuite
    ;

// ---------------------------------------------------------------- expressions

/** Comma-separated expressions; more than one (or a trailing comma) makes a tuple. */
testList : test (COMMA test)* COMMA? ;

testListStar : testOrStar (COMMA testOrStar)* COMMA? ;

testOrStar
    : test                                                     # PlainItem
    | starExpr                                                 # StarredItem
    ;

starExpr : STAR expr ;

/** Assignment-target level lists: for-loop targets and del. */
exprList : exprOrStar (COMMA exprOrStar)* COMMA? ;

exprOrStar
    : expr                                                     # PlainTarget
    | starExpr                                                 # StarredTarget
    ;

test
    : orTest (IF orTest ELSE test)?                            # CondTest
    | LAMBDA lambdaParams? COLON test                          # LambdaTest
    ;

lambdaParams : lambdaParam (COMMA lambdaParam)* COMMA? ;

lambdaParam
    : NAME (ASSIGN test)?                                      # PlainLambdaParam
    | STAR NAME                                                # StarLambdaParam
    | POWER NAME                                               # DoubleStarLambdaParam
    ;

orTest : andTest (OR andTest)* ;

andTest : notTest (AND notTest)* ;

notTest
    : NOT notTest                                              # NotExpr
    | comparison                                               # ComparisonExpr
    ;

comparison : expr (compOp expr)* ;

compOp
    : op=(LT | GT | EQ | GE | LE | NE | IN | IS)               # SimpleCompOp
    | NOT IN                                                   # NotInOp
    | IS NOT                                                   # IsNotOp
    ;

/** Python's 'expr': bitwise or and everything that binds tighter. */
expr
    : <assoc=right> expr POWER expr                            # PowerExpr
    | op=(MINUS | PLUS | TILDE) expr                           # UnaryExpr
    | expr op=(STAR | SLASH | DSLASH | PERCENT | AT) expr      # MulExpr
    | expr op=(PLUS | MINUS) expr                              # AddExpr
    | expr op=(LSHIFT | RSHIFT) expr                           # ShiftExpr
    | expr op=AMP expr                                         # BitAndExpr
    | expr op=CARET expr                                       # BitXorExpr
    | expr op=PIPE expr                                        # BitOrExpr
    | primary                                                  # PrimaryExpr
    ;

primary
    : primary DOT NAME                                         # AttributeRef
    | primary LPAREN argList? RPAREN                           # CallRef
    | primary LBRACK subscriptList RBRACK                      # SubscriptRef
    | atom                                                     # AtomRef
    ;

atom
    : LPAREN testListComp? RPAREN                              # ParenAtom
    | LBRACK testListComp? RBRACK                              # ListAtom
    | LBRACE dictMaker? RBRACE                                 # DictAtom
    | NAME                                                     # NameAtom
    | INTEGER                                                  # IntegerAtom
    | FLOAT                                                    # FloatAtom
    | STRING+                                                  # StringAtom
    | NONE                                                     # NoneAtom
    | ELLIPSIS                                                 # EllipsisAtom
    | TRUE                                                     # TrueAtom
    | FALSE                                                    # FalseAtom
    ;

/** Items of a parenthesised or bracketed display, or one element and its comprehension clauses. */
testListComp : testOrStar (compFor+ | (COMMA testOrStar)* COMMA?) ;

compFor : FOR exprList IN orTest (IF orTest)* ;

dictMaker : dictItem (compFor+ | (COMMA dictItem)* COMMA?) ;

/** A key without ':' value is a set item, which the AST builder rejects with a hint. */
dictItem
    : key=test (COLON value=test)?                             # KeyValueItem
    | POWER expr                                               # SpliceItem
    ;

subscriptList : subscript (COMMA subscript)* COMMA? ;

subscript
    : test sliceRest?                                          # IndexOrSliceSubscript
    | sliceRest                                                # OpenSliceSubscript
    ;

sliceRest : COLON hi=test? (COLON step=test?)? ;

argList : argument (COMMA argument)* COMMA? ;

/** Alternatives are told apart by their first two tokens, which keeps prediction cheap. */
argument
    : NAME ASSIGN test                                         # KeywordArg
    | STAR test                                                # StarArg
    | POWER test                                               # DoubleStarArg
    | test compFor*                                            # PositionalArg
    ;

// ---------------------------------------------------------------- lexer

DEF      : 'def' ;
RETURN   : 'return' ;
RAISE    : 'raise' ;
FROM     : 'from' ;
IMPORT   : 'import' ;
AS       : 'as' ;
GLOBAL   : 'global' ;
NONLOCAL : 'nonlocal' ;
ASSERT   : 'assert' ;
IF       : 'if' ;
ELIF     : 'elif' ;
ELSE     : 'else' ;
WHILE    : 'while' ;
FOR      : 'for' ;
IN       : 'in' ;
TRY      : 'try' ;
EXCEPT   : 'except' ;
FINALLY  : 'finally' ;
WITH     : 'with' ;
LAMBDA   : 'lambda' ;
OR       : 'or' ;
AND      : 'and' ;
NOT      : 'not' ;
IS       : 'is' ;
NONE     : 'None' ;
TRUE     : 'True' ;
FALSE    : 'False' ;
CLASS    : 'class' ;
DEL      : 'del' ;
PASS     : 'pass' ;
CONTINUE : 'continue' ;
BREAK    : 'break' ;

/** A physical line break; IndentingTokenSource turns these into logical NEWLINEs or drops them. */
NEWLINE : '\r'? '\n' | '\r' ;

STRING : STRING_PREFIX? (LONG_STRING_SQ | LONG_STRING_DQ | SHORT_STRING_SQ | SHORT_STRING_DQ) ;

/** A triple-quoted string still open at end of input (the REPL keeps reading). */
UNTERMINATED_LONG_STRING
    : STRING_PREFIX? '\'\'\'' (~[\\'] | ESCAPE | '\'' ~'\'' | '\'\'' ~'\'')* ('\'' | '\'\'')? EOF
    | STRING_PREFIX? '"""' (~[\\"] | ESCAPE | '"' ~'"' | '""' ~'"')* ('"' | '""')? EOF
    ;

/** A one-line string without its closing quote; a terminated STRING is longer and wins. */
UNTERMINATED_STRING
    : STRING_PREFIX? '\'' (ESCAPE | ~[\\\r\n'])*
    | STRING_PREFIX? '"' (ESCAPE | ~[\\\r\n"])*
    ;

FLOAT
    : DIGIT_PART? '.' DIGIT_PART EXPONENT?
    | DIGIT_PART '.' EXPONENT?
    | DIGIT_PART EXPONENT
    ;

INTEGER
    : [1-9] ('_'? [0-9])*
    | '0'+ ('_'? '0')*
    | '0' [xX] ('_'? [0-9a-fA-F])+
    | '0' [oO] ('_'? [0-7])+
    | '0' [bB] ('_'? [01])+
    ;

NAME : [\p{L}_] [\p{L}\p{N}_]* ;

ELLIPSIS       : '...' ;
DOT            : '.' ;
COMMA          : ',' ;
COLON          : ':' ;
SEMI           : ';' ;
ARROW          : '->' ;
LPAREN         : '(' ;
RPAREN         : ')' ;
LBRACK         : '[' ;
RBRACK         : ']' ;
LBRACE         : '{' ;
RBRACE         : '}' ;
ASSIGN         : '=' ;
PLUS_ASSIGN    : '+=' ;
MINUS_ASSIGN   : '-=' ;
STAR_ASSIGN    : '*=' ;
SLASH_ASSIGN   : '/=' ;
DSLASH_ASSIGN  : '//=' ;
PERCENT_ASSIGN : '%=' ;
POWER_ASSIGN   : '**=' ;
AT_ASSIGN      : '@=' ;
AMP_ASSIGN     : '&=' ;
PIPE_ASSIGN    : '|=' ;
CARET_ASSIGN   : '^=' ;
LSHIFT_ASSIGN  : '<<=' ;
RSHIFT_ASSIGN  : '>>=' ;
POWER          : '**' ;
STAR           : '*' ;
DSLASH         : '//' ;
SLASH          : '/' ;
PERCENT        : '%' ;
AT             : '@' ;
PLUS           : '+' ;
MINUS          : '-' ;
TILDE          : '~' ;
LSHIFT         : '<<' ;
RSHIFT         : '>>' ;
AMP            : '&' ;
CARET          : '^' ;
PIPE           : '|' ;
EQ             : '==' ;
NE             : '!=' ;
LE             : '<=' ;
GE             : '>=' ;
LT             : '<' ;
GT             : '>' ;

/** A backslash at the end of a line joins it with the next; IndentingTokenSource consumes it. */
LINE_CONTINUATION : '\\' ('\r'? '\n' | '\r') ;

SPACES  : [ \t\f]+ -> skip ;
COMMENT : '#' ~[\r\n]* -> skip ;
BOM     : '\uFEFF' -> skip ;

/** Anything else becomes a positioned "unexpected character" error rather than a lexer message. */
ERROR_CHAR : . ;

fragment STRING_PREFIX : [rRuUfFbB] | [rR] [fFbB] | [fFbB] [rR] ;
fragment ESCAPE        : '\\' ('\r\n' | .) ;
fragment SHORT_STRING_SQ : '\'' (ESCAPE | ~[\\\r\n'])* '\'' ;
fragment SHORT_STRING_DQ : '"' (ESCAPE | ~[\\\r\n"])* '"' ;
fragment LONG_STRING_SQ  : '\'\'\'' (ESCAPE | ~'\\')*? '\'\'\'' ;
fragment LONG_STRING_DQ  : '"""' (ESCAPE | ~'\\')*? '"""' ;
fragment DIGIT_PART    : [0-9] ('_'? [0-9])* ;
fragment EXPONENT      : [eE] [+-]? DIGIT_PART ;

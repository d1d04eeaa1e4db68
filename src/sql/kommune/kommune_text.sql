/*
 * Comparing a kommune with text: kommune = text, text = kommune and <> in
 * both orders, so that a client sending its parameter as text or varchar
 * (JDBC's setString, BI tools' filters) can write
 *
 *     WHERE kommune = $1,  WHERE kommune <> $1,  WHERE kommune IN ($1, $2)
 *
 * The text is read as kommune input reads it (the official name, any spelling
 * the type accepts, or the three-digit code such as '540'); text that denotes
 * no municipality is the type's own input error, as in kommune = 'text'.
 * varchar arguments use these operators through varchar's binary cast to text.
 * IN (...) with text parameters becomes an OR of = (a text array cannot be
 * compared with a kommune column as a whole), NOT IN an AND of <>.
 *
 * The operator functions are SQL functions the planner inlines: kommune =
 * text becomes kommune = text::kommune, the type's own operator, so a btree
 * index on a kommune column serves the comparison and its statistics estimate
 * it.  Inlining rules out a SET search_path clause, so the bodies are parsed
 * when created (RETURN, not a string) with every name qualified.  They are
 * IMMUTABLE because the text -> kommune cast is: kommune input depends on
 * nothing but its argument.
 */

CREATE FUNCTION benchmark_internal.kommune_eq_text(@extschema@.kommune, text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(@extschema@.=) $2::@extschema@.kommune;

CREATE FUNCTION benchmark_internal.text_eq_kommune(text, @extschema@.kommune)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::@extschema@.kommune OPERATOR(@extschema@.=) $2;

CREATE FUNCTION benchmark_internal.kommune_ne_text(@extschema@.kommune, text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(@extschema@.<>) $2::@extschema@.kommune;

CREATE FUNCTION benchmark_internal.text_ne_kommune(text, @extschema@.kommune)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::@extschema@.kommune OPERATOR(@extschema@.<>) $2;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.kommune,
	RIGHTARG = text,
	FUNCTION = benchmark_internal.kommune_eq_text,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel,
	JOIN = eqjoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = text,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = benchmark_internal.text_eq_kommune,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel,
	JOIN = eqjoinsel
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.kommune,
	RIGHTARG = text,
	FUNCTION = benchmark_internal.kommune_ne_text,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel,
	JOIN = neqjoinsel
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = text,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = benchmark_internal.text_ne_kommune,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel,
	JOIN = neqjoinsel
);

COMMENT ON FUNCTION benchmark_internal.kommune_eq_text(@extschema@.kommune, text) IS
'Same municipality as the text denotes (a name, spelling or code, read as kommune input reads it)';
COMMENT ON FUNCTION benchmark_internal.text_eq_kommune(text, @extschema@.kommune) IS
'The text (a name, spelling or code, read as kommune input reads it) denotes the same municipality';
COMMENT ON FUNCTION benchmark_internal.kommune_ne_text(@extschema@.kommune, text) IS
'Another municipality than the text denotes (a name, spelling or code, read as kommune input reads it)';
COMMENT ON FUNCTION benchmark_internal.text_ne_kommune(text, @extschema@.kommune) IS
'The text (a name, spelling or code, read as kommune input reads it) denotes another municipality';
COMMENT ON OPERATOR @extschema@.=(@extschema@.kommune, text) IS
'Same municipality as the text denotes (read as kommune input reads it); for text and varchar parameters';
COMMENT ON OPERATOR @extschema@.=(text, @extschema@.kommune) IS
'The text (read as kommune input reads it) denotes the same municipality; for text and varchar parameters';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.kommune, text) IS
'Another municipality than the text denotes (read as kommune input reads it); for text and varchar parameters';
COMMENT ON OPERATOR @extschema@.<>(text, @extschema@.kommune) IS
'The text (read as kommune input reads it) denotes another municipality; for text and varchar parameters';

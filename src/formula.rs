//! Derived figures: a figure whose values are computed from other figures'
//! (`formula = "state-of-exception-arrests / population * 100"`), by interval
//! arithmetic over the values each input accepts, so that a share or a rate
//! never drifts from the counts it is made of.

use std::fmt;
use std::ops::Range;

use crate::value::Unit;

/// An interval of real numbers; a single value has `low == high`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    pub fn new(low: f64, high: f64) -> Interval {
        Interval {
            low: low.min(high),
            high: low.max(high),
        }
    }

    pub fn point(value: f64) -> Interval {
        Interval::new(value, value)
    }

    fn add(self, o: Interval) -> Interval {
        Interval::new(self.low + o.low, self.high + o.high)
    }

    fn sub(self, o: Interval) -> Interval {
        Interval::new(self.low - o.high, self.high - o.low)
    }

    fn mul(self, o: Interval) -> Interval {
        let p = [
            self.low * o.low,
            self.low * o.high,
            self.high * o.low,
            self.high * o.high,
        ];
        Interval::new(
            p.iter().copied().fold(f64::INFINITY, f64::min),
            p.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    }

    /// `None` when the divisor holds zero.
    fn div(self, o: Interval) -> Option<Interval> {
        if o.low <= 0.0 && o.high >= 0.0 {
            return None;
        }
        Some(self.mul(Interval::new(1.0 / o.high, 1.0 / o.low)))
    }
}

/// A parsed formula.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Number(f64),
    /// A figure's id, and where it stands in the formula text.
    Figure(String, Range<usize>),
    Negate(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>, Range<usize>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    fn symbol(self) -> char {
        match self {
            Op::Add => '+',
            Op::Sub => '−',
            Op::Mul => '×',
            Op::Div => '÷',
        }
    }
}

/// A problem in a formula, with where it is in the formula's text.
#[derive(Debug, Clone, PartialEq)]
pub struct FormulaError {
    pub message: String,
    pub at: Range<usize>,
}

fn error<T>(message: impl Into<String>, at: Range<usize>) -> Result<T, FormulaError> {
    Err(FormulaError {
        message: message.into(),
        at,
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Id(String),
    Op(char),
    Open,
    Close,
}

/// Ids are kebab-case, so a hyphen between two letters or digits belongs to
/// the id: write subtraction with spaces (`a - b`).
fn tokens(text: &str) -> Result<Vec<(Token, Range<usize>)>, FormulaError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || c == b'.' {
            while i < bytes.len()
                && (bytes[i].is_ascii_digit() || bytes[i] == b'.' || bytes[i] == b'_')
            {
                i += 1;
            }
            let written: String = text[start..i].chars().filter(|c| *c != '_').collect();
            match written.parse::<f64>() {
                Ok(v) => out.push((Token::Number(v), start..i)),
                Err(_) => return error(format!("`{}` is not a number", &text[start..i]), start..i),
            }
            continue;
        }
        if c.is_ascii_alphabetic() {
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric()
                    || (bytes[i] == b'-'
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)))
            {
                i += 1;
            }
            out.push((Token::Id(text[start..i].to_string()), start..i));
            continue;
        }
        let token = match c {
            b'+' | b'-' | b'*' | b'/' => Token::Op(c as char),
            b'(' => Token::Open,
            b')' => Token::Close,
            _ => {
                let len = text[start..].chars().next().map_or(1, char::len_utf8);
                return error(
                    format!("`{}` is not part of a formula", &text[start..start + len]),
                    start..start + len,
                );
            }
        };
        out.push((token, start..start + 1));
        i += 1;
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<(Token, Range<usize>)>,
    next: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|t| &t.0)
    }

    fn here(&self) -> Range<usize> {
        self.tokens
            .get(self.next)
            .map_or(self.end..self.end, |t| t.1.clone())
    }

    fn expr(&mut self) -> Result<Expr, FormulaError> {
        let mut left = self.term()?;
        while let Some(Token::Op(c @ ('+' | '-'))) = self.peek().cloned() {
            let at = self.here();
            self.next += 1;
            let right = self.term()?;
            let op = if c == '+' { Op::Add } else { Op::Sub };
            left = Expr::Binary(op, Box::new(left), Box::new(right), at);
        }
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr, FormulaError> {
        let mut left = self.factor()?;
        while let Some(Token::Op(c @ ('*' | '/'))) = self.peek().cloned() {
            let at = self.here();
            self.next += 1;
            let right = self.factor()?;
            let op = if c == '*' { Op::Mul } else { Op::Div };
            left = Expr::Binary(op, Box::new(left), Box::new(right), at);
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Expr, FormulaError> {
        let at = self.here();
        let Some((token, span)) = self.tokens.get(self.next).cloned() else {
            return error(
                "the formula ends where a figure id or a number should be",
                at,
            );
        };
        self.next += 1;
        match token {
            Token::Number(v) => Ok(Expr::Number(v)),
            Token::Id(id) => Ok(Expr::Figure(id, span)),
            Token::Op('-') => Ok(Expr::Negate(Box::new(self.factor()?))),
            Token::Open => {
                let inner = self.expr()?;
                if self.peek() != Some(&Token::Close) {
                    return error("this `(` is never closed", span);
                }
                self.next += 1;
                Ok(inner)
            }
            Token::Close => error("a `)` with no `(` before it", span),
            Token::Op(c) => error(
                format!("`{c}` needs a figure id or a number before it"),
                span,
            ),
        }
    }
}

/// The most parts (ids, numbers, operators, brackets) a formula may have.
/// The parser and every walk over a formula recurse once a part: a rules
/// file with a formula of 50,000 terms once overflowed the stack.
pub const MAX_FORMULA_PARTS: usize = 200;

/// Parses `formula`; spans in errors and ids are offsets in its text.
pub fn parse(formula: &str) -> Result<Expr, FormulaError> {
    let tokens = tokens(formula)?;
    if tokens.is_empty() {
        return error("the formula is empty", 0..formula.len());
    }
    if tokens.len() > MAX_FORMULA_PARTS {
        return error(
            format!(
                "this formula has {} parts, more than the {MAX_FORMULA_PARTS} figcheck reads; split it into derived figures",
                tokens.len()
            ),
            0..formula.len(),
        );
    }
    let mut parser = Parser {
        tokens,
        next: 0,
        end: formula.len(),
    };
    let expr = parser.expr()?;
    if let Some((_, span)) = parser.tokens.get(parser.next) {
        return error("an operator (+ - * /) should stand here", span.clone());
    }
    Ok(expr)
}

impl Expr {
    /// The figure ids the formula names, with where each stands.
    pub fn figures(&self) -> Vec<(&str, Range<usize>)> {
        let mut out = Vec::new();
        self.walk(&mut |e| {
            if let Expr::Figure(id, span) = e {
                out.push((id.as_str(), span.clone()));
            }
        });
        out
    }

    fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Negate(inner) => inner.walk(f),
            Expr::Binary(_, a, b, _) => {
                a.walk(f);
                b.walk(f);
            }
            Expr::Number(_) | Expr::Figure(..) => {}
        }
    }

    /// The interval the formula gives, with `value` giving each figure's.
    /// An error names a division by an interval that holds zero.
    pub fn evaluate(&self, value: &dyn Fn(&str) -> Interval) -> Result<Interval, FormulaError> {
        Ok(match self {
            Expr::Number(v) => Interval::point(*v),
            Expr::Figure(id, _) => value(id),
            Expr::Negate(inner) => {
                let i = inner.evaluate(value)?;
                Interval::new(-i.high, -i.low)
            }
            Expr::Binary(op, a, b, at) => {
                let (a, b) = (a.evaluate(value)?, b.evaluate(value)?);
                match op {
                    Op::Add => a.add(b),
                    Op::Sub => a.sub(b),
                    Op::Mul => a.mul(b),
                    Op::Div => match a.div(b) {
                        Some(i) => i,
                        None => {
                            return error(
                                "divides by a figure whose accepted values include zero",
                                at.clone(),
                            )
                        }
                    },
                }
            }
        })
    }

    /// The kind of quantity the formula gives, from the units of its figures:
    /// a count over a count is a ratio (a percent or a rate once scaled), a
    /// count times a ratio is a count, and only like quantities add.
    pub fn dimension(&self, unit: &dyn Fn(&str) -> Unit) -> Result<Dimension, FormulaError> {
        use Dimension::*;
        Ok(match self {
            Expr::Number(_) => Scalar,
            Expr::Figure(id, _) => Dimension::of(unit(id)),
            Expr::Negate(inner) => inner.dimension(unit)?,
            Expr::Binary(op, a, b, at) => {
                let (x, y) = (a.dimension(unit)?, b.dimension(unit)?);
                match op {
                    Op::Add | Op::Sub => match (x, y) {
                        (x, Scalar) => x,
                        (Scalar, y) => y,
                        (x, y) if x == y => x,
                        _ => {
                            return error(
                                format!("adds or subtracts {} and {}", x.name(), y.name()),
                                at.clone(),
                            )
                        }
                    },
                    Op::Mul => match (x, y) {
                        (x, Scalar | Ratio) => x,
                        (Scalar | Ratio, y) => y,
                        _ => {
                            return error(
                                format!("multiplies {} by {}", x.name(), y.name()),
                                at.clone(),
                            )
                        }
                    },
                    Op::Div => match (x, y) {
                        (x, Scalar) => x,
                        (x, y) if x == y => Ratio,
                        (x, Ratio) => x,
                        (Money, Count) => Money,
                        _ => {
                            return error(
                                format!("divides {} by {}", x.name(), y.name()),
                                at.clone(),
                            )
                        }
                    },
                }
            }
        })
    }
}

/// What a formula's result measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// A bare constant.
    Scalar,
    Count,
    Money,
    /// A count over a count, a percent or a rate.
    Ratio,
}

impl Dimension {
    fn of(unit: Unit) -> Dimension {
        match unit {
            Unit::Count => Dimension::Count,
            Unit::Money => Dimension::Money,
            Unit::Percent | Unit::Rate => Dimension::Ratio,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Dimension::Scalar => "a number",
            Dimension::Count => "a count",
            Dimension::Money => "an amount of money",
            Dimension::Ratio => "a ratio",
        }
    }

    /// Whether a figure of `unit` can be this.
    pub fn gives(self, unit: Unit) -> bool {
        matches!(
            (self, unit),
            (Dimension::Count | Dimension::Scalar, Unit::Count)
                | (Dimension::Money, Unit::Money)
                | (
                    Dimension::Ratio | Dimension::Scalar,
                    Unit::Percent | Unit::Rate
                )
        )
    }

    /// What a figure of this unit needs, for an error message.
    pub fn needed(unit: Unit) -> &'static str {
        match unit {
            Unit::Count => "a count",
            Unit::Money => "an amount of money",
            Unit::Percent => "a ratio times 100 (a count over a count)",
            Unit::Rate => "a ratio (a count over a count, times the rate's base)",
        }
    }
}

impl Expr {
    /// The formula as a reader follows it, each figure id written by `id`:
    /// `state-of-exception-arrests (85,000) ÷ population (6.3 million) × 100`.
    pub fn written_with(&self, id: &dyn Fn(&str) -> String) -> String {
        match self {
            Expr::Number(v) => crate::value::format_value(*v, Unit::Count),
            Expr::Figure(name, _) => id(name),
            Expr::Negate(inner) => format!("−{}", inner.written_with(id)),
            Expr::Binary(op, a, b, _) => {
                let wrap = |e: &Expr| match e {
                    Expr::Binary(inner, ..)
                        if matches!(op, Op::Mul | Op::Div)
                            && matches!(inner, Op::Add | Op::Sub) =>
                    {
                        format!("({})", e.written_with(id))
                    }
                    _ => e.written_with(id),
                };
                let right = match (op, b.as_ref()) {
                    (Op::Sub | Op::Div, Expr::Binary(..)) => format!("({})", b.written_with(id)),
                    _ => wrap(b),
                };
                format!("{} {} {right}", wrap(a), op.symbol())
            }
        }
    }
}

/// The formula as a reader follows it: `state-of-exception-arrests ÷ population × 100`.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.written_with(&|id| id.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(id: &str) -> Interval {
        match id {
            "arrests" => Interval::new(80_750.0, 89_250.0),
            "population" => Interval::point(6_300_000.0),
            "zero-or-more" => Interval::new(0.0, 10.0),
            _ => panic!("{id}"),
        }
    }

    #[test]
    fn reads_ids_with_hyphens_and_operators_with_spaces() {
        let e = parse("state-of-exception-arrests / population * 100").unwrap();
        let ids: Vec<&str> = e.figures().into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, vec!["state-of-exception-arrests", "population"]);
        assert_eq!(
            e.to_string(),
            "state-of-exception-arrests ÷ population × 100"
        );
        let e = parse("(a - b) / c").unwrap();
        assert_eq!(e.to_string(), "(a − b) ÷ c");
        assert_eq!(parse("a-b").unwrap().figures().len(), 1);
    }

    #[test]
    fn computes_intervals() {
        let e = parse("arrests / population * 100").unwrap();
        let i = e.evaluate(&value).unwrap();
        assert!(
            (i.low - 1.2817).abs() < 1e-3 && (i.high - 1.4167).abs() < 1e-3,
            "{i:?}"
        );
        let e = parse("population - arrests").unwrap();
        let i = e.evaluate(&value).unwrap();
        assert_eq!((i.low, i.high), (6_210_750.0, 6_219_250.0));
        let e = parse("-arrests + 1_000").unwrap();
        assert_eq!(e.evaluate(&value).unwrap().high, -79_750.0);
    }

    #[test]
    fn refuses_division_by_what_may_be_zero() {
        let e = parse("arrests / zero-or-more").unwrap();
        let err = e.evaluate(&value).unwrap_err();
        assert!(err.message.contains("zero"), "{err:?}");
        assert_eq!(err.at, 8..9);
    }

    #[test]
    fn points_at_what_cannot_be_read() {
        for (formula, at) in [
            ("a / ", 4..4),
            ("a $ b", 2..3),
            ("(a + b", 0..1),
            ("a b", 2..3),
            ("a + )", 4..5),
            ("", 0..0),
        ] {
            let err = parse(formula).unwrap_err();
            assert_eq!(err.at, at, "{formula}: {err:?}");
        }
    }

    #[test]
    fn units_follow_the_arithmetic() {
        let unit = |id: &str| match id {
            "arrests" | "population" => Unit::Count,
            "payment" => Unit::Money,
            "share" => Unit::Percent,
            _ => panic!("{id}"),
        };
        let dim = |f: &str| parse(f).unwrap().dimension(&unit);
        assert_eq!(dim("arrests / population * 100").unwrap(), Dimension::Ratio);
        assert!(dim("arrests / population * 100")
            .unwrap()
            .gives(Unit::Percent));
        assert!(!dim("arrests / population * 100")
            .unwrap()
            .gives(Unit::Count));
        assert_eq!(dim("population * share / 100").unwrap(), Dimension::Count);
        assert_eq!(dim("payment / arrests").unwrap(), Dimension::Money);
        assert!(dim("arrests + payment").is_err());
        assert!(dim("arrests * population").is_err());
    }
}

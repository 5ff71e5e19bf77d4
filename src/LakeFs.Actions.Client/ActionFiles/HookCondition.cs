using System.Globalization;

namespace LakeFs.Actions.Client;

/// <summary>
/// A hook's <c>if</c> condition, checked and evaluated as lakeFS does with antonmedv/expr: its environment has
/// only the functions <c>success()</c> (no earlier hook of the action failed) and <c>failure()</c>, and the
/// result must be a boolean. Supported: <c>true</c>, <c>false</c>, <c>nil</c>, numbers and strings,
/// <c>!</c>/<c>not</c>, <c>&amp;&amp;</c>/<c>and</c>, <c>||</c>/<c>or</c>, comparisons, arithmetic, parentheses,
/// <c>a ? b : c</c>, array literals and <c>in</c>/<c>not in</c>.
/// Anything else (GitHub's <c>always()</c>, <c>${{ }}</c>, unknown names) is an error, which at run time fails
/// the hook. An empty condition means <c>success()</c>.
/// </summary>
public sealed class HookCondition
{
    private readonly Node _root;

    private HookCondition(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The condition as written (empty for the default <c>success()</c>).</summary>
    public string Text { get; }

    /// <summary>Parses and type-checks a condition.</summary>
    /// <param name="text">The condition; empty or null means <c>success()</c>.</param>
    /// <param name="condition">The condition when valid.</param>
    /// <param name="error">Why it is not valid.</param>
    /// <returns>True when lakeFS can evaluate the condition to a boolean.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HookCondition? condition, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        condition = null;
        var source = string.IsNullOrEmpty(text) ? "success()" : text;
        try
        {
            var parser = new Parser(source);
            var root = parser.ParseAll();
            var type = root.Check();
            if (type != ValueType.Bool)
            {
                error = $"expected bool, but got {TypeName(type)}";
                return false;
            }

            condition = new HookCondition(text ?? string.Empty, root);
            error = null;
            return true;
        }
        catch (ConditionException exception)
        {
            error = exception.Message;
            return false;
        }
    }

    /// <summary>Evaluates the condition.</summary>
    /// <param name="noEarlierHookFailed">What <c>success()</c> returns; <c>failure()</c> returns the opposite.</param>
    /// <returns>True when the hook runs.</returns>
    public bool Evaluate(bool noEarlierHookFailed)
    {
        try
        {
            return _root.Evaluate(noEarlierHookFailed) is true;
        }
        catch (ConditionException)
        {
            return false;
        }
    }

    private enum ValueType
    {
        Bool,
        Int,
        Float,
        String,
        Nil,
        Function,
        Array,
        Any,
    }

    private static string TypeName(ValueType type) => type switch
    {
        ValueType.Bool => "bool",
        ValueType.Int => "int",
        ValueType.Float => "float64",
        ValueType.String => "string",
        ValueType.Nil => "nil",
        ValueType.Function => "func() bool",
        ValueType.Array => "[]interface {}",
        _ => "interface {}",
    };

    private sealed class ConditionException(string message) : Exception(message);

    private abstract class Node(int column)
    {
        public int Column { get; } = column;

        public abstract ValueType Check();

        public abstract object? Evaluate(bool success);

        protected string At => $"(1:{Column})";
    }

    private sealed class Literal(int column, object? value, ValueType type) : Node(column)
    {
        public override ValueType Check() => type;

        public override object? Evaluate(bool success) => value;
    }

    private sealed class Name(int column, string name, bool called) : Node(column)
    {
        public override ValueType Check()
        {
            if (name is not ("success" or "failure"))
            {
                throw new ConditionException($"unknown name {name} {At}");
            }

            return called ? ValueType.Bool : ValueType.Function;
        }

        public override object? Evaluate(bool success) => name == "success" ? success : !success;
    }

    private sealed class Unary(int column, string op, Node operand) : Node(column)
    {
        public override ValueType Check()
        {
            var type = operand.Check();
            if (op is "!" or "not")
            {
                return type is ValueType.Bool or ValueType.Any ? ValueType.Bool : throw new ConditionException($"invalid operation: {op} (mismatched type {TypeName(type)}) {At}");
            }

            return type is ValueType.Int or ValueType.Float ? type : throw new ConditionException($"invalid operation: {op} (mismatched type {TypeName(type)}) {At}");
        }

        public override object? Evaluate(bool success)
        {
            var value = operand.Evaluate(success);
            return op switch
            {
                "!" or "not" => value is not true,
                _ => value is long l ? -l : -(double)value!,
            };
        }
    }

    private sealed class Binary(int column, string op, Node left, Node right) : Node(column)
    {
        public override ValueType Check()
        {
            var l = left.Check();
            var r = right.Check();
            static bool Numeric(ValueType t) => t is ValueType.Int or ValueType.Float;
            switch (op)
            {
                case "&&" or "and" or "||" or "or":
                    return l == ValueType.Bool && r == ValueType.Bool ? ValueType.Bool : throw Mismatch(l, r);
                case "==" or "!=":
                    // expr's checker: equal types, two numbers, or nil/unknown on either side.
                    return l == r || (Numeric(l) && Numeric(r)) || l is ValueType.Nil or ValueType.Any || r is ValueType.Nil or ValueType.Any
                        ? ValueType.Bool
                        : throw Mismatch(l, r);
                case "<" or ">" or "<=" or ">=":
                    return (Numeric(l) && Numeric(r)) || (l == ValueType.String && r == ValueType.String) ? ValueType.Bool : throw Mismatch(l, r);
                case "+" when l == ValueType.String && r == ValueType.String:
                    return ValueType.String;
                case "%":
                    return l == ValueType.Int && r == ValueType.Int ? ValueType.Int : throw Mismatch(l, r);
                case "/":
                    return Numeric(l) && Numeric(r) ? ValueType.Float : throw Mismatch(l, r);
                default:
                    return Numeric(l) && Numeric(r) ? (l == ValueType.Int && r == ValueType.Int ? ValueType.Int : ValueType.Float) : throw Mismatch(l, r);
            }
        }

        public override object? Evaluate(bool success)
        {
            switch (op)
            {
                case "&&" or "and":
                    return left.Evaluate(success) is true && right.Evaluate(success) is true;
                case "||" or "or":
                    return left.Evaluate(success) is true || right.Evaluate(success) is true;
            }

            var l = left.Evaluate(success);
            var r = right.Evaluate(success);
            if (op is "==" or "!=")
            {
                var equal = l is long or double && r is long or double ? ToDouble(l) == ToDouble(r) : Equals(l, r);
                return op == "==" ? equal : !equal;
            }

            if (l is string ls && r is string rs)
            {
                var c = string.CompareOrdinal(ls, rs);
                return op switch { "<" => c < 0, ">" => c > 0, "<=" => c <= 0, ">=" => c >= 0, _ => ls + rs };
            }

            if (l is long li && r is long ri && op is not "/")
            {
                return op switch
                {
                    "<" => li < ri, ">" => li > ri, "<=" => li <= ri, ">=" => li >= ri,
                    "+" => li + ri, "-" => li - ri, "*" => li * ri,
                    "%" => ri == 0 ? throw new ConditionException("integer divide by zero") : li % ri,
                    _ => throw new ConditionException($"unknown operator {op}"),
                };
            }

            var a = ToDouble(l);
            var b = ToDouble(r);
            return op switch
            {
                "<" => a < b, ">" => a > b, "<=" => a <= b, ">=" => a >= b,
                "+" => a + b, "-" => a - b, "*" => a * b, "/" => a / b,
                _ => throw new ConditionException($"unknown operator {op}"),
            };
        }

        private static double ToDouble(object? value) => value switch
        {
            long l => l,
            double d => d,
            _ => double.NaN,
        };

        private ConditionException Mismatch(ValueType l, ValueType r) =>
            new($"invalid operation: {op} (mismatched types {TypeName(l)} and {TypeName(r)}) {At}");
    }

    private sealed class Conditional(int column, Node test, Node whenTrue, Node whenFalse) : Node(column)
    {
        public override ValueType Check()
        {
            var type = test.Check();
            if (type is not (ValueType.Bool or ValueType.Any))
            {
                throw new ConditionException($"non-bool expression (type {TypeName(type)}) used as condition {At}");
            }

            var a = whenTrue.Check();
            var b = whenFalse.Check();
            return a == b ? a : ValueType.Any;
        }

        public override object? Evaluate(bool success) => test.Evaluate(success) is true ? whenTrue.Evaluate(success) : whenFalse.Evaluate(success);
    }

    private sealed class ArrayLiteral(int column, IReadOnlyList<Node> items) : Node(column)
    {
        public override ValueType Check()
        {
            foreach (var item in items)
            {
                item.Check();
            }

            return ValueType.Array;
        }

        public override object? Evaluate(bool success) => items.Select(i => i.Evaluate(success)).ToList();
    }

    private sealed class Membership(int column, string op, Node element, Node collection) : Node(column)
    {
        public override ValueType Check()
        {
            element.Check();
            var type = collection.Check();
            return type is ValueType.Array or ValueType.Any ? ValueType.Bool
                : throw new ConditionException($"invalid operation: {op} (mismatched types {TypeName(element.Check())} and {TypeName(type)}) {At}");
        }

        public override object? Evaluate(bool success)
        {
            var value = element.Evaluate(success);
            var found = collection.Evaluate(success) is List<object?> list && list.Any(item =>
                value is long or double && item is long or double ? Convert.ToDouble(value, CultureInfo.InvariantCulture) == Convert.ToDouble(item, CultureInfo.InvariantCulture) : Equals(value, item));
            return op == "in" ? found : !found;
        }
    }

    private sealed class Parser(string text)
    {
        private static readonly string[] Operators = ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", "?", ":", "."];
        private readonly List<(string Text, int Column, char Kind)> _tokens = Tokenize(text);
        private int _index;

        public Node ParseAll()
        {
            var node = ParseConditional();
            if (_index < _tokens.Count)
            {
                var token = _tokens[_index];
                throw new ConditionException($"unexpected token \"{token.Text}\" (1:{token.Column})");
            }

            return node;
        }

        private static List<(string, int, char)> Tokenize(string text)
        {
            var tokens = new List<(string, int, char)>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                var start = i;
                if (char.IsAsciiLetter(c) || c is '_' or '$')
                {
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                    {
                        i++;
                    }

                    tokens.Add((text[start..i], start + 1, 'i'));
                    continue;
                }

                if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                    {
                        i++;
                    }

                    tokens.Add((text[start..i], start + 1, 'n'));
                    continue;
                }

                if (c is '"' or '\'')
                {
                    i++;
                    var value = new System.Text.StringBuilder();
                    while (i < text.Length && text[i] != c)
                    {
                        if (text[i] == '\\' && i + 1 < text.Length)
                        {
                            i++;
                        }

                        value.Append(text[i]);
                        i++;
                    }

                    if (i >= text.Length)
                    {
                        throw new ConditionException($"literal not terminated (1:{start + 1})");
                    }

                    i++;
                    tokens.Add((value.ToString(), start + 1, 's'));
                    continue;
                }

                var op = Array.Find(Operators, o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
                if (op is null)
                {
                    throw new ConditionException($"unrecognized character: U+{(int)c:X4} '{c}' (1:{start + 1})");
                }

                i += op.Length;
                tokens.Add((op, start + 1, 'o'));
            }

            return tokens;
        }

        private (string Text, int Column, char Kind)? Peek => _index < _tokens.Count ? _tokens[_index] : null;

        private bool TakeOperator(out (string Text, int Column, char Kind) token, params string[] ops)
        {
            if (Peek is { } next && ((next.Kind == 'o' && ops.Contains(next.Text)) || (next.Kind == 'i' && ops.Contains(next.Text))))
            {
                token = next;
                _index++;
                return true;
            }

            token = default;
            return false;
        }

        /// <summary>expr's lowest level: <c>test ? a : b</c> (right-associative).</summary>
        private Node ParseConditional()
        {
            var test = ParseOr();
            if (!TakeOperator(out var question, "?"))
            {
                return test;
            }

            var whenTrue = ParseConditional();
            if (!TakeOperator(out _, ":"))
            {
                throw new ConditionException($"unexpected token {(Peek is { } p ? "\"" + p.Text + "\"" : "EOF")} (1:{(Peek is { } q ? q.Column : text.Length + 1)})");
            }

            return new Conditional(question.Column, test, whenTrue, ParseConditional());
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (TakeOperator(out var op, "||", "or"))
            {
                left = new Binary(op.Column, op.Text, left, ParseAnd());
            }

            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseComparison();
            while (TakeOperator(out var op, "&&", "and"))
            {
                left = new Binary(op.Column, op.Text, left, ParseComparison());
            }

            return left;
        }

        private Node ParseComparison()
        {
            var left = ParseAdditive();
            while (true)
            {
                if (TakeOperator(out var op, "==", "!=", "<", ">", "<=", ">="))
                {
                    left = new Binary(op.Column, op.Text, left, ParseAdditive());
                }
                else if (TakeOperator(out var member, "in"))
                {
                    left = new Membership(member.Column, "in", left, ParseAdditive());
                }
                else if (Peek is { Kind: 'i', Text: "not" } && _index + 1 < _tokens.Count && _tokens[_index + 1] is { Kind: 'i', Text: "in" })
                {
                    var column = _tokens[_index].Column;
                    _index += 2;
                    left = new Membership(column, "not in", left, ParseAdditive());
                }
                else
                {
                    break;
                }
            }

            return left;
        }

        private Node ParseAdditive()
        {
            var left = ParseMultiplicative();
            while (TakeOperator(out var op, "+", "-"))
            {
                left = new Binary(op.Column, op.Text, left, ParseMultiplicative());
            }

            return left;
        }

        private Node ParseMultiplicative()
        {
            var left = ParseUnary();
            while (TakeOperator(out var op, "*", "/", "%"))
            {
                left = new Binary(op.Column, op.Text, left, ParseUnary());
            }

            return left;
        }

        private Node ParseUnary()
        {
            if (TakeOperator(out var op, "!", "not", "-", "+"))
            {
                var operand = ParseUnary();
                return op.Text == "+" ? operand : new Unary(op.Column, op.Text, operand);
            }

            return ParsePrimary();
        }

        private Node ParsePrimary()
        {
            if (Peek is not { } token)
            {
                throw new ConditionException($"unexpected end of expression (1:{text.Length + 1})");
            }

            _index++;
            switch (token.Kind)
            {
                case 'o' when token.Text == "[":
                {
                    var items = new List<Node>();
                    if (!TakeOperator(out _, "]"))
                    {
                        do
                        {
                            items.Add(ParseConditional());
                        }
                        while (TakeOperator(out _, ","));

                        if (!TakeOperator(out _, "]"))
                        {
                            throw new ConditionException($"unexpected token {(Peek is { } p ? "\"" + p.Text + "\"" : "EOF")} (1:{(Peek is { } q ? q.Column : text.Length + 1)})");
                        }
                    }

                    return new ArrayLiteral(token.Column, items);
                }

                case 'o' when token.Text == "(":
                {
                    var inner = ParseConditional();
                    if (!TakeOperator(out _, ")"))
                    {
                        throw new ConditionException($"unexpected token {(Peek is { } p ? "\"" + p.Text + "\"" : "EOF")} (1:{(Peek is { } q ? q.Column : text.Length + 1)})");
                    }

                    return inner;
                }

                case 'n':
                    if (long.TryParse(token.Text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
                    {
                        return new Literal(token.Column, integer, ValueType.Int);
                    }

                    if (double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
                    {
                        return new Literal(token.Column, real, ValueType.Float);
                    }

                    throw new ConditionException($"invalid number \"{token.Text}\" (1:{token.Column})");
                case 's':
                    return new Literal(token.Column, token.Text, ValueType.String);
                case 'i':
                    switch (token.Text)
                    {
                        case "true":
                            return new Literal(token.Column, true, ValueType.Bool);
                        case "false":
                            return new Literal(token.Column, false, ValueType.Bool);
                        case "nil":
                            return new Literal(token.Column, null, ValueType.Nil);
                    }

                    if (TakeOperator(out _, "("))
                    {
                        if (!TakeOperator(out _, ")"))
                        {
                            if (token.Text is "success" or "failure")
                            {
                                throw new ConditionException($"too many arguments to call {token.Text} (1:{token.Column})");
                            }

                            throw new ConditionException($"unknown func {token.Text} (1:{token.Column})");
                        }

                        if (token.Text is not ("success" or "failure"))
                        {
                            throw new ConditionException($"unknown func {token.Text} (1:{token.Column})");
                        }

                        return new Name(token.Column, token.Text, called: true);
                    }

                    while (TakeOperator(out _, "."))
                    {
                        if (Peek is not { Kind: 'i' })
                        {
                            throw new ConditionException($"expected name after '.' (1:{token.Column})");
                        }

                        _index++;
                    }

                    return new Name(token.Column, token.Text, called: false);
                default:
                    throw new ConditionException($"unexpected token \"{token.Text}\" (1:{token.Column})");
            }
        }
    }
}

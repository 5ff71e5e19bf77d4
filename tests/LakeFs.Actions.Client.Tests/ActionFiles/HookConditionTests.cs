
namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>
/// <see cref="HookCondition"/> against antonmedv/expr (v1.15, as lakeFS's service.go calls it: <c>expr.Eval</c> with
/// only <c>success()</c> and <c>failure()</c> in its environment): the boolean syntax expr accepts, and its results.
/// </summary>
public class HookConditionTests
{
    [Theory]
    [InlineData("success()", true, false)]
    [InlineData("failure()", false, true)]
    [InlineData("true", true, true)]
    [InlineData("false", false, false)]
    [InlineData("!success()", false, true)]
    [InlineData("!!success()", true, false)]
    [InlineData("not failure()", true, false)]
    [InlineData("not not failure()", false, true)]
    [InlineData("success() && true", true, false)]
    [InlineData("success() and true", true, false)]
    [InlineData("success() || failure()", true, true)]
    [InlineData("success() or failure()", true, true)]
    [InlineData("(success())", true, false)]
    [InlineData("(((failure())))", false, true)]
    [InlineData("!(success() && failure())", true, true)]
    [InlineData("not (failure())", true, false)]
    [InlineData("success() == true", true, false)]
    [InlineData("success()==true", true, false)]
    [InlineData("failure() != false", false, true)]
    [InlineData("success() == failure()", false, false)]
    [InlineData("success() != failure()", true, true)]
    [InlineData("true == !failure()", true, false)]
    [InlineData("  success()  ", true, false)]
    [InlineData("success() and (failure() or true)", true, false)]
    [InlineData("failure() or success() and false", false, true)]
    [InlineData("success() ? true : false", true, false)]
    [InlineData("failure() ? true : success()", true, true)]
    [InlineData("success() ? failure() ? false : true : false", true, false)]
    [InlineData("success() in [true]", true, false)]
    [InlineData("failure() not in [false]", false, true)]
    [InlineData("true in [success(), failure()]", true, true)]
    [InlineData("nil == nil", true, true)]
    [InlineData("1 == 1.0", true, true)]
    [InlineData("2 in [1, 2]", true, true)]
    public void Evaluates_as_expr_does(string condition, bool whenNoEarlierFailure, bool afterAFailure)
    {
        Assert.True(HookCondition.TryParse(condition, out var parsed, out var error), error);
        Assert.Equal(whenNoEarlierFailure, parsed.Evaluate(noEarlierHookFailed: true));
        Assert.Equal(afterAFailure, parsed.Evaluate(noEarlierHookFailed: false));
    }

    [Theory]
    [InlineData("success() &&")]
    [InlineData("(success()")]
    [InlineData("success() ? true")]
    [InlineData("[true")]
    [InlineData("success() ? true : 1")]
    [InlineData("1 ? true : false")]
    [InlineData("[true, false]")]
    [InlineData("success() in 1")]
    [InlineData("&& success()")]
    [InlineData("success() = true")]
    [InlineData("'yes'")]
    [InlineData("success() == 'true'")]
    [InlineData("failure() != 0")]
    [InlineData("success() == [true]")]
    public void Refuses_what_does_not_give_a_boolean(string condition)
    {
        Assert.False(HookCondition.TryParse(condition, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(error));
    }
}

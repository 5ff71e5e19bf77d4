using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>The <c>after</c> and <c>amount</c> query parameters, with lakeFS's defaults and limits applied.</summary>
internal readonly record struct PageRequest(string? After, int Amount)
{
    public const int DefaultPerPage = 100;
    public const int MaxPerPage = 1000;

    /// <summary>Reads the parameters; false when <c>amount</c> is not an integer (lakeFS answers 400).</summary>
    public static bool TryRead(IQueryCollection query, out PageRequest page)
    {
        var after = query["after"].ToString();
        var amountText = query["amount"].ToString();
        var amount = DefaultPerPage;
        if (amountText.Length > 0)
        {
            if (!long.TryParse(amountText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var requested))
            {
                page = default;
                return false;
            }

            amount = requested <= 0 ? DefaultPerPage : (int)Math.Min(requested, MaxPerPage);
        }

        page = new PageRequest(after.Length == 0 ? null : after, amount);
        return true;
    }
}

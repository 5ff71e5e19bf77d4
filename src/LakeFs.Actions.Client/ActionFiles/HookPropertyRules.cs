namespace LakeFs.Actions.Client;

/// <summary>
/// What lakeFS requires and reads in each hook type's properties, what fails when it builds the hook
/// (in lakeFS's order, with its texts), and the silent traps.
/// </summary>
internal static class HookPropertyRules
{
    private static readonly string[] WebhookKeys = ["url", "timeout", "query_params", "headers"];
    private static readonly string[] AirflowKeys = ["url", "dag_id", "username", "password", "dag_conf", "wait_for_dag", "timeout"];
    private static readonly string[] LuaKeys = ["script", "script_path", "args"];
    private static readonly string[] SecretHeaderWords = ["authorization", "token", "secret", "password", "api-key", "apikey", "api_key", "cookie", "signature", "credential"];

    public static bool IsKnownType(string type) => type is "webhook" or "airflow" or "lua";

    /// <summary>Rule 10's groups: at least one key of each group must be present.</summary>
    public static string[][] RequiredGroups(string type) => type switch
    {
        "webhook" => [["url"]],
        "airflow" => [["url"], ["dag_id"], ["username"], ["password"]],
        "lua" => [["script", "script_path"]],
        _ => [],
    };

    public static bool IsAnyPropertyKey(string key) => WebhookKeys.Contains(key) || AirflowKeys.Contains(key) || LuaKeys.Contains(key);

    /// <summary>Runtime-only errors and warnings of one hook whose properties passed rules 9 and 10.</summary>
    public static void Check(ActionHook hook, string path, ActionValidationOptions options, List<ActionDiagnostic> diagnostics, List<string> instantiationErrors)
    {
        var properties = hook.Properties!;
        var known = hook.Type switch { "webhook" => WebhookKeys, "airflow" => AirflowKeys, _ => LuaKeys };
        foreach (var (keyNode, _) in properties.Entries)
        {
            if (keyNode is ActionScalar key && !known.Contains(key.Value) && key.Tag != YamlTags.Merge)
            {
                var suggestion = ActionFileDecoder.Closest(key.Value, known);
                diagnostics.Add(Warning(path, key.Position, ActionRules.UnknownKey, suggestion is null
                    ? $"unknown {hook.Type} property '{key.Value}' is ignored by lakeFS"
                    : $"unknown {hook.Type} property '{key.Value}' is ignored by lakeFS; did you mean '{suggestion}'?"));
            }
        }

        var context = new CheckContext(path, options, diagnostics, instantiationErrors);
        WarnUnsubstituted(hook.Type, properties, context);
        switch (hook.Type)
        {
            case "webhook":
                CheckWebhook(properties, context);
                break;
            case "airflow":
                CheckAirflow(properties, context);
                break;
            case "lua":
                CheckLua(properties, context);
                break;
        }
    }

    private static void CheckWebhook(ActionMapping properties, CheckContext context)
    {
        if (properties.TryGetValue("url", out var url))
        {
            if (url is ActionScalar { IsString: true } urlText)
            {
                if (urlText.Value.Length == 0)
                {
                    context.Diagnostics.Add(Warning(context.Path, url.Position, ActionRules.UrlEmpty, "'url' is empty: the webhook fails every time it runs (unsupported protocol scheme)"));
                }

            }
            else
            {
                context.Error(url.Position, ActionRules.UrlNotString, "webhook url must be string: webhook wrong format");
            }
        }

        if (properties.TryGetValue("query_params", out var query))
        {
            if (!IsStringMap(query))
            {
                context.Error(query.Position, ActionRules.QueryParamsShape, "extracting query params: unsupported query params: webhook wrong format");
            }
            else
            {
                foreach (var (_, value) in ((ActionMapping)query).Entries)
                {
                    if (value is ActionSequence values)
                    {
                        foreach (var item in values.Items)
                        {
                            if (item is ActionScalar { IsString: true } text)
                            {
                                CheckSecureString(text, "extracting query params: reading query param: ", context);
                            }
                            else
                            {
                                context.Error(item.Position, ActionRules.QueryParamsShape, "extracting query params: query params array should contains only strings: webhook wrong format");
                            }
                        }
                    }
                    else if (value is ActionScalar { IsString: true } single)
                    {
                        CheckSecureString(single, "extracting query params: reading query param: ", context);
                    }
                    else
                    {
                        context.Error(value.Position, ActionRules.QueryParamsShape, "extracting query params: query params single value should be of type string: webhook wrong format");
                    }
                }
            }
        }

        if (properties.TryGetValue("headers", out var headers))
        {
            if (!IsStringMap(headers))
            {
                context.Error(headers.Position, ActionRules.HeadersShape, "extracting headers: unsupported headers: webhook wrong format");
            }
            else
            {
                foreach (var (key, value) in ((ActionMapping)headers).Entries)
                {
                    if (value is not ActionScalar { IsString: true } text)
                    {
                        context.Error(value.Position, ActionRules.HeadersShape, "extracting headers: headers array should contains only strings: webhook wrong format");
                        continue;
                    }

                    CheckSecureString(text, "extracting headers: reading header: ", context);
                    var name = ((ActionScalar)key).Value;
                    if (text.Value.Length > 0 && !EnvironmentReference.HasReference(text.Value) && LooksSecret(name))
                    {
                        context.Diagnostics.Add(Warning(context.Path, value.Position, ActionRules.LiteralSecret,
                            $"header '{name}' holds a literal value: lakeFS writes it to the hook log in clear; use {{{{ ENV.{context.Options.EnvironmentPrefix}... }}}}"));
                    }
                }
            }
        }

        CheckTimeout(properties, "webhook request duration: ", emptyIsIgnored: true, context);
    }

    private static void CheckAirflow(ActionMapping properties, CheckContext context)
    {
        RequiredString(properties, "url", "airflow hook url property: ", context, out _);

        RequiredString(properties, "dag_id", "airflow hook DAG ID property: ", context, out _);
        RequiredString(properties, "username", "airflow hook username property: ", context, out _);
        RequiredString(properties, "password", "airflow hook password property: ", context, out var password);
        if (password is not null)
        {
            CheckSecureString(password, "airflow hook password property: ", context);
            if (!EnvironmentReference.HasReference(password.Value))
            {
                context.Diagnostics.Add(Warning(context.Path, password.Position, ActionRules.LiteralSecret,
                    $"'password' holds a literal value: lakeFS writes it to the hook log in clear; use {{{{ ENV.{context.Options.EnvironmentPrefix}... }}}}"));
            }
        }

        CheckTimeout(properties, "airflow hook timeout property: ", emptyIsIgnored: false, context);
        if (properties.TryGetValue("wait_for_dag", out var wait) && wait is not ActionScalar { IsBoolean: true })
        {
            context.Diagnostics.Add(Warning(context.Path, wait.Position, ActionRules.IgnoredValue,
                "'wait_for_dag' is not a boolean: lakeFS ignores it and does not wait; write true or false unquoted"));
        }

        if (properties.TryGetValue("dag_conf", out var conf) && !IsStringMap(conf))
        {
            context.Error(conf.Position, ActionRules.AirflowProperty, "airflow hook conf is not of type Properties: wrong value type");
        }
    }

    private static void CheckLua(ActionMapping properties, CheckContext context)
    {
        if (properties.TryGetValue("args", out var args))
        {
            if (!IsStringMap(args))
            {
                context.Error(args.Position, ActionRules.LuaProperty, "'args' should be a map: wrong value type");
            }
            else
            {
                CheckArgs(args, context);
            }
        }

        // lakeFS takes 'script' when it is a non-empty string; an absent or empty one falls back to 'script_path'.
        if (properties.TryGetValue("script", out var script))
        {
            if (script is not ActionScalar { IsString: true } scriptText)
            {
                context.Error(script.Position, ActionRules.LuaProperty, "value of script is not of type string: wrong value type");
                return;
            }

            if (scriptText.Value.Length > 0)
            {
                return;
            }
        }

        if (!properties.TryGetValue("script_path", out var scriptPath))
        {
            context.Error((script ?? properties).Position, ActionRules.LuaProperty, "'script' or 'script_path' must be supplied: wrong value type");
        }
        else if (scriptPath is not ActionScalar { IsString: true } pathText)
        {
            context.Error(scriptPath.Position, ActionRules.LuaProperty, "value of script_path is not of type string: wrong value type");
        }
        else if (pathText.Value.Length == 0)
        {
            context.Error(scriptPath.Position, ActionRules.LuaProperty, "'script' or 'script_path' must be supplied: wrong value type");
        }
    }

    /// <summary>
    /// The environment prefix lakeFS applies to lua <c>args</c>: its server's viper prefix (<c>LAKEFS</c>), not
    /// <c>actions.env.prefix</c> (lua.go builds the lookup with <c>viper.GetEnvPrefix()</c>).
    /// </summary>
    internal const string LuaArgsEnvironmentPrefix = "LAKEFS";

    /// <summary>
    /// lakeFS substitutes ENV references in every string of <c>args</c>, at any depth (lua.go <c>DescendArgs</c>):
    /// a failing string in a map fails the hook, but in a list only the last element's failure survives (Go
    /// overwrites the error on each element), so an unset variable earlier in a list is silently kept literally.
    /// </summary>
    private static void CheckArgs(ActionNode node, CheckContext context)
    {
        foreach (var text in StringScalars(node))
        {
            WarnPrefix(text, LuaArgsEnvironmentPrefix, context);
        }

        if (context.Options.KnownEnvironmentVariables is not { } known)
        {
            return;
        }

        foreach (var text in FailingArgs(node, new HashSet<ActionNode>(ReferenceEqualityComparer.Instance)))
        {
            foreach (var name in EnvironmentReference.Names(text.Value))
            {
                if (name.StartsWith(LuaArgsEnvironmentPrefix, StringComparison.Ordinal) && !known.Contains(name))
                {
                    context.Error(text.Position, ActionRules.EnvironmentVariableMissing, $"error parsing args: {name} not found: missing env var");
                    break;
                }
            }
        }
    }

    /// <summary>The strings whose substitution error would reach lakeFS's hook, as <c>DescendArgs</c> propagates errors.</summary>
    private static IEnumerable<ActionScalar> FailingArgs(ActionNode node, HashSet<ActionNode> visiting)
    {
        if (!visiting.Add(node))
        {
            yield break;
        }

        switch (node)
        {
            case ActionScalar { IsString: true } text:
                yield return text;
                break;
            case ActionMapping mapping:
                foreach (var (_, value) in mapping.Entries)
                {
                    foreach (var failing in FailingArgs(value, visiting))
                    {
                        yield return failing;
                    }
                }

                break;
            case ActionSequence { Items.Count: > 0 } sequence:
                foreach (var failing in FailingArgs(sequence.Items[^1], visiting))
                {
                    yield return failing;
                }

                break;
        }

        visiting.Remove(node);
    }

    /// <summary>Every string scalar under <paramref name="root"/>, each node once (aliases share nodes).</summary>
    private static IEnumerable<ActionScalar> StringScalars(ActionNode root)
    {
        var pending = new Stack<ActionNode>();
        pending.Push(root);
        var visited = new HashSet<ActionNode>(ReferenceEqualityComparer.Instance);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!visited.Add(current))
            {
                continue;
            }

            switch (current)
            {
                case ActionScalar { IsString: true } text:
                    yield return text;
                    break;
                case ActionMapping mapping:
                    foreach (var (_, value) in mapping.Entries)
                    {
                        pending.Push(value);
                    }

                    break;
                case ActionSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }

    private static void RequiredString(ActionMapping properties, string key, string prefix, CheckContext context, out ActionScalar? value)
    {
        value = null;
        if (!properties.TryGetValue(key, out var node))
        {
            return;
        }

        if (node is not ActionScalar { IsString: true } text)
        {
            context.Error(node.Position, ActionRules.AirflowProperty, $"{prefix}value of {key} is not of type string: wrong value type");
            return;
        }

        if (text.Value.Length == 0)
        {
            context.Error(node.Position, ActionRules.AirflowProperty, $"{prefix}value of {key} is empty: missing key in properties");
            return;
        }

        value = text;
    }

    private static void CheckTimeout(ActionMapping properties, string prefix, bool emptyIsIgnored, CheckContext context)
    {
        if (!properties.TryGetValue("timeout", out var timeout))
        {
            return;
        }

        if (timeout is ActionScalar { IsString: true } text)
        {
            if (text.Value.Length == 0 && emptyIsIgnored)
            {
                return;
            }

            if (!GoDuration.TryParseNanoseconds(text.Value, out var nanoseconds, out var error))
            {
                context.Error(timeout.Position, ActionRules.TimeoutInvalid, prefix + error);
            }
            else if (nanoseconds <= 0 && emptyIsIgnored)
            {
                context.Diagnostics.Add(Warning(context.Path, timeout.Position, ActionRules.IgnoredValue,
                    $"'timeout' {text.Value} is not positive: the webhook request has no timeout at all, so a hanging endpoint blocks the operation"));
            }

            return;
        }

        if (timeout is ActionScalar { IsNull: true })
        {
            return;
        }

        var shown = timeout is ActionScalar scalar ? scalar.Value : timeout.Kind.ToString().ToLowerInvariant();
        var example = timeout is ActionScalar { IsNumber: true } number ? $"\"{number.Value}s\"" : "\"30s\"";
        context.Diagnostics.Add(Warning(context.Path, timeout.Position, ActionRules.IgnoredValue,
            $"'timeout' {shown} is not a string: lakeFS ignores it and uses the default 1m; write a Go duration such as {example}"));
    }

    private static void CheckSecureString(ActionScalar value, string errorPrefix, CheckContext context)
    {
        foreach (var name in EnvironmentReference.Names(value.Value))
        {
            if (!name.StartsWith(context.Options.EnvironmentPrefix, StringComparison.Ordinal))
            {
                context.Diagnostics.Add(PrefixWarning(value, name, context.Options.EnvironmentPrefix, context));
            }
            else if (context.Options.KnownEnvironmentVariables is { } known && !known.Contains(name))
            {
                context.Error(value.Position, ActionRules.EnvironmentVariableMissing, $"{errorPrefix}{name} not found: missing env var");
            }
        }
    }

    private static void WarnPrefix(ActionScalar value, string prefix, CheckContext context)
    {
        foreach (var name in EnvironmentReference.Names(value.Value))
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                context.Diagnostics.Add(PrefixWarning(value, name, prefix, context));
            }
        }
    }

    private static ActionDiagnostic PrefixWarning(ActionScalar value, string name, string prefix, CheckContext context) =>
        Warning(context.Path, value.Position, ActionRules.EnvironmentPrefix,
            $"ENV variable '{name}' lacks the prefix '{prefix}': lakeFS silently substitutes the empty string");

    /// <summary>ENV references where lakeFS does not substitute them (everything but query params, headers, the airflow password and lua args) are used literally.</summary>
    private static void WarnUnsubstituted(string type, ActionMapping properties, CheckContext context)
    {
        string[] substituted = type switch
        {
            "webhook" => ["query_params", "headers"],
            "airflow" => ["password"],
            _ => ["args"],
        };
        foreach (var (keyNode, value) in properties.Entries)
        {
            if (keyNode is not ActionScalar key || substituted.Contains(key.Value))
            {
                continue;
            }

            foreach (var text in StringScalars(value))
            {
                if (EnvironmentReference.HasReference(text.Value))
                {
                    context.Diagnostics.Add(Warning(context.Path, text.Position, ActionRules.EnvironmentNotSubstituted,
                        $"lakeFS does not substitute ENV references in '{key.Value}': the text is used literally"));
                }
            }
        }
    }

    /// <summary>What Go sees as <c>map[string]interface{}</c>: a mapping whose keys are all strings.</summary>
    private static bool IsStringMap(ActionNode node)
    {
        if (node is not ActionMapping mapping)
        {
            return false;
        }

        foreach (var (key, _) in mapping.Entries)
        {
            if (key is not ActionScalar { Tag: YamlTags.String or YamlTags.Merge })
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksSecret(string headerName)
    {
        var lower = headerName.ToLowerInvariant();
        foreach (var word in SecretHeaderWords)
        {
            if (lower.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return lower is "x-api-key" or "api-key" || lower.EndsWith("-key", StringComparison.Ordinal);
    }

    private static ActionDiagnostic Warning(string path, SourcePosition position, string rule, string message) =>
        new(path, position, ActionDiagnosticSeverity.Warning, rule, message);

    private sealed record CheckContext(string Path, ActionValidationOptions Options, List<ActionDiagnostic> Diagnostics, List<string> InstantiationErrors)
    {
        public void Error(SourcePosition position, string rule, string message)
        {
            Diagnostics.Add(new ActionDiagnostic(Path, position, ActionDiagnosticSeverity.Error, rule, message));
            InstantiationErrors.Add(message);
        }
    }
}

namespace LakeFs.Actions.Client;

/// <summary>
/// The stable ids of <see cref="ActionDiagnostic.Rule"/>. <c>LFA0xx</c>: what lakeFS refuses when it loads the
/// files of a ref (every hooked operation on that ref fails). <c>LFA1xx</c>: what lakeFS finds only when it
/// matches an event or builds or runs a hook. <c>LFA2xx</c>: warnings for what lakeFS silently accepts.
/// <c>LFA9xx</c>: limits of this validator (the file was not validated).
/// </summary>
public static class ActionRules
{
    /// <summary>The file is not valid YAML (lakeFS: <c>yaml: line N: ...</c>).</summary>
    public const string YamlSyntax = "LFA001";

    /// <summary>A value has the wrong YAML shape (lakeFS: <c>yaml: unmarshal errors: ...</c>), or a mapping key is repeated.</summary>
    public const string YamlShape = "LFA002";

    /// <summary>Rule 1: <c>'name' is required: invalid action</c>.</summary>
    public const string NameRequired = "LFA003";

    /// <summary>Rule 2: <c>'name' is invalid: invalid action</c>.</summary>
    public const string NameInvalid = "LFA004";

    /// <summary>Rule 3: <c>'on' is required: invalid action</c>.</summary>
    public const string OnRequired = "LFA005";

    /// <summary>Rule 4: <c>event '&lt;e&gt;' is not supported: invalid action</c>.</summary>
    public const string EventUnsupported = "LFA006";

    /// <summary>Rule 5: <c>'branches' is not supported in tag event types. invalid event parameter</c>.</summary>
    public const string TagEventParameters = "LFA007";

    /// <summary>Rule 6: <c>hook[i] missing ID: invalid action</c>.</summary>
    public const string HookIdInvalid = "LFA008";

    /// <summary>Rule 7: <c>hook[i] duplicate ID '&lt;id&gt;': invalid action</c>.</summary>
    public const string HookIdDuplicate = "LFA009";

    /// <summary>Rule 8: <c>hook[i] type '&lt;id&gt;' unknown: invalid action</c>.</summary>
    public const string HookTypeUnknown = "LFA010";

    /// <summary>Rule 9: <c>hook[i] type '&lt;type&gt;': missing hook properties: invalid action</c>.</summary>
    public const string PropertiesMissing = "LFA011";

    /// <summary>Rule 10: <c>hook[i] type '&lt;type&gt;': '&lt;key&gt;' must be supplied in properties: invalid action</c>.</summary>
    public const string PropertyRequired = "LFA012";

    /// <summary>Rule 11: <c>action name '&lt;n&gt;' already loaded: invalid action</c> (across the files of a folder).</summary>
    public const string ActionNameDuplicate = "LFA013";

    /// <summary>A subfolder under the actions folder: lakeFS fails to load it (<c>not found</c>, 404 on every hooked operation).</summary>
    public const string Subfolder = "LFA014";

    /// <summary>A branch pattern is not a valid glob: <c>syntax error in pattern</c> (500 when the event fires).</summary>
    public const string BranchPatternInvalid = "LFA101";

    /// <summary>A <c>timeout</c> is a string but not a Go duration (500 when the hook is built).</summary>
    public const string TimeoutInvalid = "LFA102";

    /// <summary>A webhook <c>url</c> is not a string (500 when the hook is built).</summary>
    public const string UrlNotString = "LFA103";

    /// <summary>Webhook <c>query_params</c> are not a map of strings or lists of strings (500 when the hook is built).</summary>
    public const string QueryParamsShape = "LFA104";

    /// <summary>Webhook <c>headers</c> are not a map of strings (500 when the hook is built).</summary>
    public const string HeadersShape = "LFA105";

    /// <summary>An <c>if</c> condition does not compile to a boolean over <c>success()</c>/<c>failure()</c> (the hook fails when run).</summary>
    public const string ConditionInvalid = "LFA106";

    /// <summary>An airflow property has the wrong shape (500 when the hook is built).</summary>
    public const string AirflowProperty = "LFA107";

    /// <summary>A lua property has the wrong shape: <c>args</c> not a map, <c>script</c>/<c>script_path</c> not strings or both empty (500 when the hook is built).</summary>
    public const string LuaProperty = "LFA109";

    /// <summary>An ENV reference names a variable outside the names the caller declared as set (500 when the hook is built).</summary>
    public const string EnvironmentVariableMissing = "LFA108";

    /// <summary>A key lakeFS does not read (misspelt or misplaced), silently ignored.</summary>
    public const string UnknownKey = "LFA201";

    /// <summary>A value lakeFS silently ignores (a number as <c>timeout</c>, a string as <c>wait_for_dag</c>), or a webhook <c>timeout</c> of zero or less (no timeout at all).</summary>
    public const string IgnoredValue = "LFA202";

    /// <summary>An ENV reference whose variable lacks the <c>LAKEFSACTION_</c> prefix: silently the empty string.</summary>
    public const string EnvironmentPrefix = "LFA203";

    /// <summary>An ENV reference where lakeFS does not substitute (anything but webhook query params and headers, the airflow password, lua args): used literally.</summary>
    public const string EnvironmentNotSubstituted = "LFA204";

    /// <summary>A literal secret (a header like Authorization, an airflow password): lakeFS writes it to the hook log in clear.</summary>
    public const string LiteralSecret = "LFA205";

    /// <summary>A branch pattern that can never match a branch id (branch ids have no <c>/</c> or <c>.</c>).</summary>
    public const string BranchPatternNeverMatches = "LFA206";

    /// <summary>An empty webhook <c>url</c>: the hook fails every time it runs.</summary>
    public const string UrlEmpty = "LFA207";

    /// <summary>The file is larger than <see cref="ActionValidationOptions.MaxFileBytes"/>; not validated.</summary>
    public const string FileTooLarge = "LFA901";

    /// <summary>The YAML nests deeper than <see cref="ActionValidationOptions.MaxDepth"/>; not validated.</summary>
    public const string NestingTooDeep = "LFA902";

    /// <summary>Aliases expand to more nodes than <see cref="ActionValidationOptions.MaxAliasExpansion"/> allows (yaml.v3: excessive aliasing).</summary>
    public const string ExcessiveAliasing = "LFA903";

    /// <summary>The file could not be read, or is not UTF-8 text.</summary>
    public const string Unreadable = "LFA904";
}

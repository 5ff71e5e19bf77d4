using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client.Tests.Diagnostics;

/// <summary>Keeps every log entry at every level, with its structured values and scopes, for inspection.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Everything a log sink could write: messages, values, scopes and exceptions, as text.</summary>
    public string AllText => string.Join("\n", _entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, IReadOnlyList<string> Scopes, Exception? Exception)
    {
        public override string ToString() =>
            $"{Level} {Category} [{EventId}] {Message} | {string.Join(", ", Values.Select(v => v.Key + "=" + v.Value))} | scopes: {string.Join("; ", Scopes)} | {Exception}";
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)
                : new Dictionary<string, object?>();
            var scopes = new List<string>();
            provider._scopes.ForEachScope((scope, list) => list.Add(scope is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(", ", kv.Select(p => p.Key + "=" + p.Value)) : scope?.ToString() ?? ""), scopes);
            provider._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, scopes, exception));
        }
    }
}

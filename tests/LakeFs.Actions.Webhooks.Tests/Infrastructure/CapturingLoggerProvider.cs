using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Webhooks.Tests.Infrastructure;

/// <summary>Keeps every log entry of every category and level, with its values, and tells waiters when an event id is logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<LogEntry>> _waiters = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Every message and every value, as a log sink could write them.</summary>
    public string AllText => string.Join("\n", _entries.Select(e => e.ToString()));

    /// <summary>The entries of the webhooks category with <paramref name="eventId"/>.</summary>
    public IReadOnlyList<LogEntry> Webhook(int eventId) => [.. _entries.Where(e => e.Category == "LakeFs.Actions.Webhooks" && e.EventId.Id == eventId)];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    /// <summary>Completes when an entry of the webhooks category with <paramref name="eventId"/> is logged (or was already).</summary>
    public Task<LogEntry> WhenLogged(int eventId) =>
        _waiters.GetOrAdd(eventId, _ => NewWaiter(eventId)).Task;

    public void Dispose()
    {
    }

    private TaskCompletionSource<LogEntry> NewWaiter(int eventId)
    {
        var waiter = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_entries.FirstOrDefault(e => e.EventId.Id == eventId && e.Category == "LakeFs.Actions.Webhooks") is { } existing)
        {
            waiter.TrySetResult(existing);
        }

        return waiter;
    }

    private void Add(LogEntry entry)
    {
        _entries.Enqueue(entry);
        if (entry.Category == "LakeFs.Actions.Webhooks")
        {
            _waiters.GetOrAdd(entry.EventId.Id, id => new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(entry);
        }
    }

    internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception)
    {
        public override string ToString() =>
            $"{Level} {Category} [{EventId}] {Message} | {string.Join(", ", Values.Select(v => v.Key + "=" + v.Value))} | {Exception}";
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)
                : new Dictionary<string, object?>();
            provider.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>An <see cref="ILoggerProvider"/> that keeps every entry at every level, including the formatted state and exception.</summary>
internal sealed class CapturedLog : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public event Action<Entry>? Logged;

    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Every entry rendered as text: category, level, event, message, each state value and the exception.</summary>
    public string FullText => string.Join(Environment.NewLine, _entries.Select(static e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    internal sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, string State, Exception? Exception)
    {
        public override string ToString() => $"{Category} {Level} {EventId.Id}/{EventId.Name}: {Message} | {State} | {Exception}";
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(static p => $"{p.Key}={p.Value}"))
                : state?.ToString() ?? string.Empty;
            var entry = new Entry(category, logLevel, eventId, formatter(state, exception), values, exception);
            log._entries.Enqueue(entry);
            log.Logged?.Invoke(entry);
        }
    }
}

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// The run configurations. Both run in this process (<see cref="InProcessEmitToolchain"/>: no generated project
/// to restore and build) and export GitHub markdown. <c>--quick</c>: 15 short iterations, every case in a few
/// minutes on two cores. Without it: BenchmarkDotNet's default, adaptive job (until the error is small).
/// </summary>
internal static class BenchmarkConfiguration
{
    public const string QuickSwitch = "--quick";

    public static IConfig Create(bool quick)
    {
        var job = quick
            ? Job.Default
                .WithId("Quick")
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
            : Job.Default.WithId("Full");

        return ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .AddExporter(CsvMeasurementsExporter.Default)
            .AddAnalyser([.. DefaultConfig.Instance.GetAnalysers()])
            .AddValidator([.. DefaultConfig.Instance.GetValidators()])
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value));
    }
}

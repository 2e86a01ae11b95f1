using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>courier.worker</c>.</summary>
internal sealed class CourierWorkerOptions
{
    /// <summary><c>courier.worker.pull_count</c>: messages fetched per poll. Default 10.</summary>
    [ConfigurationKeyName("pull_count")]
    [Range(1, int.MaxValue)]
    public int PullCount { get; set; } = 10;

    /// <summary><c>courier.worker.pull_wait</c>: delay between polls. Default 1s.</summary>
    [ConfigurationKeyName("pull_wait")]
    public TimeSpan PullWait { get; set; } = TimeSpan.FromSeconds(1);
}

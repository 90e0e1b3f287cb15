using Microsoft.AspNetCore.SignalR;

namespace PolicingHub.Benchmarks.Feed.Bare;

/// <summary>The baseline's hub: no authentication, no feed; a connection joins the one group named by its ?group= query.</summary>
internal sealed class BareHub : Hub
{
    public const string Path = "/hubs/bare";

    public override async Task OnConnectedAsync()
    {
        var group = Context.GetHttpContext()?.Request.Query["group"].ToString();
        if (string.IsNullOrEmpty(group))
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
    }
}

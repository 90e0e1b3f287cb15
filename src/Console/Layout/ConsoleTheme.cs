using MudBlazor;

namespace PolicingHub.Console.Layout;

/// <summary>The console's theme: MudBlazor's defaults with system and Noto CJK fonts (no web font is fetched).</summary>
public static class ConsoleTheme
{
    private static readonly string[] Fonts =
        ["system-ui", "Segoe UI", "Roboto", "Noto Sans", "Noto Sans CJK KR", "Noto Sans CJK JP", "Noto Sans KR", "Noto Sans JP", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography { Default = new DefaultTypography { FontFamily = Fonts } },
    };
}

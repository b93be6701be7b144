namespace GenAgent.Discord.Sessions.Commands;

/// <summary>The names of the commands, subcommands and options, shared by the definitions and the handlers.</summary>
public static class CommandNames
{
    public const string Imagine = "imagine";
    public const string Settings = "settings";
    public const string Status = "status";
    public const string Cancel = "cancel";

    public const string Prompt = "prompt";
    public const string Effort = "effort";
    public const string Image = "image";
    public const string Private = "private";
    public const string Aspect = "aspect";
    public const string Negative = "negative";
    public const string Threads = "threads";
    public const string Session = "session";

    // /settings subcommands: "user" for anyone, the rest for admins.
    public const string User = "user";
    public const string Show = "show";
    public const string Channels = "channels";
    public const string Nsfw = "nsfw";
    public const string Limits = "limits";
    public const string Blocklist = "blocklist";

    public const string Action = "action";
    public const string Channel = "channel";
    public const string Policy = "policy";
    public const string Term = "term";
    public const string Concurrent = "concurrent";
    public const string Cooldown = "cooldown";
    public const string DailyQuota = "daily-quota";

    public const string Add = "add";
    public const string Remove = "remove";
    public const string List = "list";
    public const string AgeRestricted = "age-restricted";
    public const string Never = "never";
}

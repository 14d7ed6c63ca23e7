using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CalfCoach.Cli.Rendering;
using CalfCoach.Core.Accounts;
using CalfCoach.Core.Validation;
using CalfCoach.Web.Accounts;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.UsersText;

namespace CalfCoach.Cli.Commands;

/// <summary>
/// <c>calfcoach users add|reset-password|list|self-registration</c>: the accounts of a server with sign-in, managed on the
/// server's database. Passwords are read from the first line of standard input, never from the command line (where the
/// process list and the shell's history would show them).
/// </summary>
public static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var users = new Command("users", Words.CommandHelp);
        users.Subcommands.Add(Add(context));
        users.Subcommands.Add(ResetPassword(context));
        users.Subcommands.Add(List(context));
        users.Subcommands.Add(SelfRegistration(context));
        return users;
    }

    private static Command Add(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = Words.EmailHelp };
        var role = new Option<string>("--role")
        {
            Description = Words.RoleHelp,
            HelpName = "ROLE",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. AccountRoles.Names]);
        var db = CommonOptions.Db();
        var command = new Command("add", Words.AddHelp)
        {
            email, role, db,
        };
        command.SetAction(parse =>
        {
            if (!AccountRoles.TryParse(parse.GetValue(role), out var chosen))
            {
                throw new UserInputException(Words.GiveARole(string.Join(", ", AccountRoles.Names)));
            }

            var address = CommonOptions.Valid(InputRules.Email.Check("email", parse.GetValue(email)), "EMAIL")!;
            var password = ReadPassword(context);
            using var database = DatabaseOption.Open(parse.GetValue(db));
            var (account, error) = new AccountService(database).Create(address, password, chosen);
            if (account is null)
            {
                CliApp.WriteError(context, $"{(error!.Key == "password" ? Words.PasswordInput : "EMAIL")}: {error.Message}");
                return error.Key == "email" ? ExitCodes.AlreadyExists : ExitCodes.BadInput;
            }

            context.Out.MarkupLine(Styled.Markup(account.RunnerId is { } runner
                ? Words.AddedRunner(Styled.Bold(account.Email), AccountRoles.Name(account.Role), runner)
                : Words.Added(Styled.Bold(account.Email), AccountRoles.Name(account.Role))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ResetPassword(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = Words.ResetEmailHelp };
        var db = CommonOptions.Db();
        var command = new Command("reset-password", Words.ResetPasswordHelp)
        {
            email, db,
        };
        command.SetAction(parse =>
        {
            var address = parse.GetValue(email)!;
            var password = ReadPassword(context);
            using var database = DatabaseOption.Open(parse.GetValue(db));
            if (new AccountService(database).ResetPassword(address, password) is { } error)
            {
                CliApp.WriteError(context, $"{(error.Key == "password" ? Words.PasswordInput : "EMAIL")}: {error.Message}");
                return error.Key == "email" ? ExitCodes.NotFound : ExitCodes.BadInput;
            }

            context.Out.MarkupLine(Styled.Markup(Words.PasswordChanged(Styled.Bold(address.Trim()))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("list", Words.ListHelp) { db, json };
        command.SetAction(parse =>
        {
            using var database = DatabaseOption.Open(parse.GetValue(db));
            var rows = new AccountService(database).Store.List()
                .Select(a => new UserRow(a.Id, a.Email, AccountRoles.Name(a.Role), a.RunnerId, a.Created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)))
                .ToArray();
            if (parse.GetValue(json))
            {
                context.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(rows, UsersJsonContext.Default.UserRowArray));
                context.Out.Profile.Out.Writer.Flush();
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(Words.Title)}[/]")
                .AddColumn(new TableColumn(Markup.Escape(Words.IdColumn)).RightAligned()).AddColumn(Markup.Escape(Words.EmailColumn)).AddColumn(Markup.Escape(Words.RoleColumn))
                .AddColumn(new TableColumn(Markup.Escape(Words.RunnerColumn)).RightAligned()).AddColumn(Markup.Escape(Words.CreatedColumn));
            foreach (var r in rows)
            {
                table.AddRow(new Text(r.Id.ToString(CultureInfo.InvariantCulture)), new Text(r.Email), new Text(r.Role),
                    new Text(r.RunnerId?.ToString(CultureInfo.InvariantCulture) ?? "-"), new Text(r.Created));
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SelfRegistration(CliContext context)
    {
        var state = new Argument<string?>("on|off") { Description = Words.SelfRegistrationStateHelp, Arity = ArgumentArity.ZeroOrOne };
        state.AcceptOnlyFromAmong("on", "off");
        var db = CommonOptions.Db();
        var command = new Command("self-registration", Words.SelfRegistrationHelp) { state, db };
        command.SetAction(parse =>
        {
            using var database = DatabaseOption.Open(parse.GetValue(db));
            var store = new AccountService(database).Store;
            if (parse.GetValue(state) is { } wanted)
            {
                store.SelfRegistration = wanted == "on";
            }

            context.Out.MarkupLine(Styled.Markup(store.SelfRegistration
                ? Words.SelfRegistrationOn(Styled.Bold("on"))
                : Words.SelfRegistrationOff(Styled.Bold("off"))));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The first line of standard input (a terminal, a pipe or a file), without its line break.</summary>
    /// <exception cref="UserInputException">Standard input is empty.</exception>
    private static string ReadPassword(CliContext context) =>
        context.In.ReadLine() is { } line
            ? line.TrimEnd('\r')
            : throw new UserInputException(Words.NoPassword);
}

/// <summary>An account as <c>calfcoach users list --json</c> prints it (never its password hash).</summary>
public sealed record UserRow(long Id, string Email, string Role, long? RunnerId, string Created);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(UserRow[]))]
public sealed partial class UsersJsonContext : JsonSerializerContext;

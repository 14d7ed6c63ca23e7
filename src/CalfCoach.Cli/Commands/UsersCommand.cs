using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CalfCoach.Core.Accounts;
using CalfCoach.Core.Validation;
using CalfCoach.Web.Accounts;
using Spectre.Console;

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
        var users = new Command("users", "Accounts of a server with sign-in: athletes, clinicians and admins.");
        users.Subcommands.Add(Add(context));
        users.Subcommands.Add(ResetPassword(context));
        users.Subcommands.Add(List(context));
        users.Subcommands.Add(SelfRegistration(context));
        return users;
    }

    private static Command Add(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The account's e-mail address (its sign-in name)." };
        var role = new Option<string>("--role")
        {
            Description = "athlete (owns one runner's data), clinician or admin.",
            HelpName = "ROLE",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. AccountRoles.Names]);
        var db = CommonOptions.Db();
        var command = new Command("add", "Add an account; its password is the first line of standard input (at least 12 characters). Creates the schema on an empty database.")
        {
            email, role, db,
        };
        command.SetAction(parse =>
        {
            if (!AccountRoles.TryParse(parse.GetValue(role), out var chosen))
            {
                throw new UserInputException($"--role: give one of {string.Join(", ", AccountRoles.Names)}.");
            }

            var address = CommonOptions.Valid(InputRules.Email.Check("email", parse.GetValue(email)), "EMAIL")!;
            var password = ReadPassword(context);
            using var database = DatabaseOption.Open(parse.GetValue(db));
            var (account, error) = new AccountService(database).Create(address, password, chosen);
            if (account is null)
            {
                CliApp.WriteError(context, $"{(error!.Key == "password" ? "password (standard input)" : "EMAIL")}: {error.Message}");
                return error.Key == "email" ? ExitCodes.AlreadyExists : ExitCodes.BadInput;
            }

            context.Out.MarkupLineInterpolated($"Added [bold]{account.Email}[/] ({AccountRoles.Name(account.Role)}{(account.RunnerId is { } runner ? $", runner {runner}" : string.Empty)}).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ResetPassword(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The account's e-mail address." };
        var db = CommonOptions.Db();
        var command = new Command("reset-password", "Set a new password (the first line of standard input) and end every session and API token of the account.")
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
                CliApp.WriteError(context, $"{(error.Key == "password" ? "password (standard input)" : "EMAIL")}: {error.Message}");
                return error.Key == "email" ? ExitCodes.NotFound : ExitCodes.BadInput;
            }

            context.Out.MarkupLineInterpolated($"The password of [bold]{address.Trim()}[/] is changed; every session and token of the account has ended.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the accounts.") { db, json };
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

            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Accounts[/]")
                .AddColumn(new TableColumn("Id").RightAligned()).AddColumn("E-mail").AddColumn("Role").AddColumn(new TableColumn("Runner").RightAligned()).AddColumn("Created (UTC)");
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
        var state = new Argument<string?>("on|off") { Description = "on: athletes may create their own accounts at /register; off: only admins add accounts. Without it, shows the setting.", Arity = ArgumentArity.ZeroOrOne };
        state.AcceptOnlyFromAmong("on", "off");
        var db = CommonOptions.Db();
        var command = new Command("self-registration", "Show or switch whether athletes may create their own accounts.") { state, db };
        command.SetAction(parse =>
        {
            using var database = DatabaseOption.Open(parse.GetValue(db));
            var store = new AccountService(database).Store;
            if (parse.GetValue(state) is { } wanted)
            {
                store.SelfRegistration = wanted == "on";
            }

            context.Out.MarkupLine(store.SelfRegistration
                ? "Self-registration is [bold]on[/]: athletes can create their own accounts at /register."
                : "Self-registration is [bold]off[/]: only admins add accounts (calfcoach users add).");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The first line of standard input (a terminal, a pipe or a file), without its line break.</summary>
    /// <exception cref="UserInputException">Standard input is empty.</exception>
    private static string ReadPassword(CliContext context) =>
        context.In.ReadLine() is { } line
            ? line.TrimEnd('\r')
            : throw new UserInputException("password (standard input): give the password as the first line of standard input, e.g. printf '%s\\n' \"$PASSWORD\" | calfcoach users add …");
}

/// <summary>An account as <c>calfcoach users list --json</c> prints it (never its password hash).</summary>
public sealed record UserRow(long Id, string Email, string Role, long? RunnerId, string Created);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(UserRow[]))]
public sealed partial class UsersJsonContext : JsonSerializerContext;

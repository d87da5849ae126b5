using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;

namespace Simulator.Core.Engine;

/// <summary>
/// Orders issued by an authority the law lets issue them only with validation (REG Art. 4(1)(b), 4(2)(b), 4(3)(b)):
/// the order waits for a judge or prosecutor of its own state before it is sent, and is not issued if they refuse.
/// In an emergency, an order for the categories Art. 4(5) names goes first and is validated afterwards, within its
/// period: refused, or not validated in time, the order is withdrawn wherever it stands and what it produced erased.
/// A trainee holding a validating office validates; otherwise the engine does, after the validation's examination time.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>A drafted order leaves its issuer: straight away, or once validated, or at once with validation to follow.</summary>
    private void Dispatch(RequestRecord r)
    {
        if (r.Validation is not { } need)
        {
            SendNow(r);
            return;
        }
        r.ValidatorSeat = ValidatorSeatFor(r, need);
        if (need.Afterwards is { } afterwards)
        {
            SendNow(r);
            var due = afterwards.Within.EndsFrom(Now, World.Jurisdiction(r.Issuer).Calendar);
            r.ValidationDueBy = due;
            Record(new ValidationSought(r.Id, r.ValidatorSeat, need.Validators.Select(Names.Kebab).ToList(), due, afterwards.Source));
            if (!IsHuman(r.ValidatorSeat)) ValidateByEngineAfterwards(r);
            At(due, () =>
            {
                if (r.ValidationSettled) return;
                r.ValidationSettled = true;
                r.ValidationLapsed = true;
                Record(new ValidationLapsed(r.Id, due, afterwards.Source));
                WithdrawUnvalidated(r, $"{r.Id} was sent without prior validation in an emergency and not validated by {JournalJson.Instant(due)} ({afterwards.Source})");
            });
            return;
        }
        Transition(r, RequestTrigger.SeekValidation, r.IssuerSeat);
        Record(new ValidationSought(r.Id, r.ValidatorSeat, need.Validators.Select(Names.Kebab).ToList(), null, need.Source));
        if (!IsHuman(r.ValidatorSeat)) ValidateByEngineFirst(r);
    }

    /// <summary>A trainee's validating office where one holds it (the exercise is for the people at the table), else the first the law names.</summary>
    private string ValidatorSeatFor(RequestRecord r, Catalogue.ValidationNeed need)
    {
        var seats = need.Validators.Select(role => Names.Seat(r.Issuer, role)).ToList();
        return seats.FirstOrDefault(IsHuman) ?? seats[0];
    }

    private void ValidateByEngineFirst(RequestRecord r)
    {
        var work = r.Instrument.Validation!.Review.Draw(r.Random.Derive("validation"), CapabilityFactor(r.Issuer));
        Step(r, work, () => Validated(r, r.ValidatorSeat!, null));
    }

    /// <summary>Validation after the fact is urgent (REG Art. 4(5): without undue delay): examined at an emergency's speed.</summary>
    private void ValidateByEngineAfterwards(RequestRecord r)
    {
        var work = r.Instrument.Validation!.Review.Draw(r.Random.Derive("validation"), CapabilityFactor(r.Issuer) * Catalogue.Figures.EmergencySpeedFactor);
        At(Now + work, () =>
        {
            if (!r.ValidationSettled && !IsHuman(r.ValidatorSeat!)) Validated(r, r.ValidatorSeat!, null);
        });
    }

    private void Validated(RequestRecord r, string by, string? note)
    {
        r.ValidationSettled = true;
        r.Validated = true;
        r.ValidatedBy = by;
        var afterwards = r.ValidationDueBy is not null;
        Record(new RequestValidated(r.Id, by, afterwards, note));
        if (afterwards) return;
        Transition(r, RequestTrigger.Validate, by);
        SendNow(r);
    }

    private DecisionResult ValidateAsAuthority(ValidateRequest command)
    {
        if (!_requestsById.TryGetValue(command.Request, out var r))
            return DecisionResult.Rejected($"request: no request '{command.Request}'");
        var (state, role) = Seat.Parse(command.Actor);
        if (r.Validation is not { } need)
            return DecisionResult.Rejected($"request: {r.Id} needs no validation: {r.IssuerSeat} issues {r.Instrument.Id} itself");
        if (state != r.Issuer || !need.Validators.Contains(role))
            return DecisionResult.Rejected($"{command.Actor} may not validate {r.Id}: it is for the {need.DescribeValidators()} of {r.Issuer} ({need.Source})");
        if (r.ValidationSettled || (r.ValidationDueBy is null && r.State != RequestState.AwaitingValidation))
            return DecisionResult.Rejected($"request: {r.Id} is {(r.Validated ? "already validated" : r.ValidationSettled ? "no longer open to validation" : Names.Kebab(r.State))}: there is nothing to validate");
        if (!command.Validate && string.IsNullOrWhiteSpace(command.Note))
            return DecisionResult.Rejected("note: give the reason for refusing validation (what the order does not meet)");
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        Record(new DecisionTaken(command.Actor, command.Validate ? "validate" : "refuse-validation", r.Id, note));
        if (command.Validate)
        {
            // The engine's examination, if it was under way, is overtaken by the trainee's answer.
            if (r.ValidationDueBy is null) r.StepVersion++;
            Validated(r, command.Actor, note);
            return new DecisionResult(true, r.ValidationDueBy is null ? $"{r.Id} validated and sent" : $"{r.Id} validated", r.Id);
        }
        r.ValidationSettled = true;
        var afterwards = r.ValidationDueBy is not null;
        var source = afterwards ? need.Afterwards!.Source : need.Source;
        Record(new ValidationRefused(r.Id, command.Actor, note!, afterwards, source));
        if (afterwards)
            WithdrawUnvalidated(r, $"{command.Actor} refused to validate {r.Id} after it was sent in an emergency: {note} ({source})");
        else
        {
            Transition(r, RequestTrigger.Withdraw, command.Actor);
            Close(r);
        }
        return new DecisionResult(true, afterwards ? $"{r.Id} withdrawn: what it produced is erased" : $"{r.Id} not validated: it is not issued", r.Id);
    }

    /// <summary>
    /// REG Art. 4(5): where ex-post validation is not granted, the issuing authority withdraws the order at once and
    /// deletes the data obtained (or restricts their use): an order still open is withdrawn, copies not yet transferred
    /// stay with the holder, and items it delivered leave the case.
    /// </summary>
    private void WithdrawUnvalidated(RequestRecord r, string why)
    {
        if (!r.Lifecycle.IsClosed)
        {
            Transition(r, RequestTrigger.WithdrawUnvalidated, r.IssuerSeat);
            ReturnCopies(r, $"{r.Id} was withdrawn unvalidated", $"{r.Id} withdrawn: not validated");
            Close(r);
        }
        foreach (var id in r.Found)
        {
            var state = _evidence[id];
            if (state.Status == EvidenceStatus.Secured && state.SecuredBy == r.Id)
                Lose(state, $"erased: {why}", $"{r.Id} withdrawn: not validated");
        }
    }
}

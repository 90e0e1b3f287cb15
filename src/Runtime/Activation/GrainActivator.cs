using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Runtime.Storage;

namespace PolicingHub.Runtime.Activation;

/// <summary>
/// Creates grain instances: constructor parameters marked [PersistentState] get a state bound to the activation;
/// IGrainFactory and everything else come from the container.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services, PersistentStateServices stateServices)
{
    public (Grain Grain, IReadOnlyList<IStateLifecycle> States) Create(ActivationData activation)
    {
        var constructor = activation.GrainClass.Constructor;
        var parameters = constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        var states = new List<IStateLifecycle>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } attribute)
            {
                var state = CreateState(activation, parameter, attribute.StateName);
                states.Add(state);
                arguments[i] = state;
            }
            else if (parameter.ParameterType == typeof(IGrainFactory))
            {
                arguments[i] = activation.GrainFactory;
            }
            else
            {
                arguments[i] = services.GetRequiredService(parameter.ParameterType);
            }
        }
        var grain = (Grain)constructor.Invoke(arguments);
        grain.Attach(activation);
        return (grain, states);
    }

    private IStateLifecycle CreateState(ActivationData activation, ParameterInfo parameter, string stateName)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException(
                $"{activation.GrainClass.ClassType.Name}: [PersistentState] parameter '{parameter.Name}' must be IPersistentState<T>.");
        }
        var stateType = typeof(PersistentState<>).MakeGenericType(type.GetGenericArguments()[0]);
        return (IStateLifecycle)Activator.CreateInstance(stateType, activation, stateName, stateServices)!;
    }
}

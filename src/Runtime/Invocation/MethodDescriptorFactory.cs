using System.Linq.Expressions;
using System.Reflection;

namespace PolicingHub.Runtime.Invocation;

/// <summary>Builds method descriptors with invokers compiled once from expression trees.</summary>
internal static class MethodDescriptorFactory
{
    private static readonly MethodInfo VoidToObject = typeof(MethodDescriptorFactory).GetMethod(nameof(ToObjectTask), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly Task<object?> CompletedNull = Task.FromResult<object?>(null);

    public static MethodDescriptor Create(Type interfaceType, MethodInfo method, Copier copier)
    {
        var (kind, resultType) = Classify(interfaceType, method);
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var callArgs = parameters.Select((p, i) =>
        {
            if (p.ParameterType.IsByRef)
            {
                throw new InvalidOperationException($"{interfaceType.Name}.{method.Name}: ref/out parameters are not allowed on grain methods.");
            }
            return (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType);
        });
        Expression body = Expression.Call(Expression.Convert(grain, interfaceType), method, callArgs);
        if (kind is ReturnKind.ValueTask or ReturnKind.ValueTaskOfT)
        {
            body = Expression.Call(body, method.ReturnType.GetMethod(nameof(ValueTask.AsTask))!);
        }
        if (kind is ReturnKind.Task or ReturnKind.ValueTask)
        {
            body = Expression.Call(VoidToObject, body);
        }

        var taskResult = resultType ?? typeof(object);
        var delegateType = typeof(Func<,,>).MakeGenericType(typeof(object), typeof(object?[]), typeof(Task<>).MakeGenericType(taskResult));
        var invoker = Expression.Lambda(delegateType, body, grain, args).Compile();
        var descriptorType = typeof(MethodDescriptor<>).MakeGenericType(taskResult);
        return (MethodDescriptor)Activator.CreateInstance(descriptorType, interfaceType, method, kind, resultType, copier, invoker)!;
    }

    private static (ReturnKind Kind, Type? ResultType) Classify(Type interfaceType, MethodInfo method)
    {
        var rt = method.ReturnType;
        if (rt == typeof(Task))
        {
            return (ReturnKind.Task, null);
        }
        if (rt == typeof(ValueTask))
        {
            return (ReturnKind.ValueTask, null);
        }
        if (rt.IsGenericType && rt.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return (ReturnKind.TaskOfT, rt.GetGenericArguments()[0]);
        }
        if (rt.IsGenericType && rt.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return (ReturnKind.ValueTaskOfT, rt.GetGenericArguments()[0]);
        }
        throw new InvalidOperationException(
            $"{interfaceType.Name}.{method.Name} returns {rt.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.");
    }

    private static Task<object?> ToObjectTask(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return CompletedNull;
        }
        return Await(task);

        static async Task<object?> Await(Task t)
        {
            await t.ConfigureAwait(false);
            return null;
        }
    }
}

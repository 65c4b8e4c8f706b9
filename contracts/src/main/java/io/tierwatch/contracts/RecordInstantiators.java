package io.tierwatch.contracts;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Jackson 3.1 calls a record's canonical constructor with {@code invokeWithArguments}, which
 * builds a spreader on every call: profiles of the decoder showed that as a quarter of its time.
 * This keeps Jackson's instantiator and everything it decides, and calls the same constructor
 * through a spreader built once, with the same argument conversions and error handling.
 */
final class RecordInstantiators extends ValueInstantiators.Base {

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
            BeanDescription.Supplier beanDescRef, ValueInstantiator defaultInstantiator) {
        if (defaultInstantiator.getClass() == StdValueInstantiator.class
                && defaultInstantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator
                && creator.getDeclaringClass().isRecord()) {
            return new Spreading((StdValueInstantiator) defaultInstantiator, creator.getAnnotated());
        }
        return defaultInstantiator;
    }

    static final class Spreading extends StdValueInstantiator {

        private final MethodHandle constructor;

        Spreading(StdValueInstantiator standard, Constructor<?> canonical) {
            super(standard);
            try {
                constructor = MethodHandles.publicLookup().unreflectConstructor(canonical)
                        .asSpreader(Object[].class, canonical.getParameterCount())
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("record constructor not public: " + canonical, e);
            }
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) throws JacksonException {
            try {
                return (Object) constructor.invokeExact(args);
            } catch (Exception e) {
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, e));
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, new Exception(e)));
            }
        }
    }
}

# Builds all three services and the authorization server once, then one small runtime image each:
#   docker build --target order-service -t tierwatch/order-service .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package \
 && ./mvnw -B -q -pl local-stack dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/src/topics-lib \
 && cp contracts/target/contracts-*.jar /src/topics-lib/

FROM eclipse-temurin:17-jre AS runtime
RUN useradd --system --uid 10001 tierwatch
USER tierwatch
WORKDIR /app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

# Creates the topics as contracts' Topics defines them (docker-compose's kafka-topics step)
FROM runtime AS topics
COPY --from=build /src/topics-lib lib
COPY local-stack/CreateTopics.java .
ENTRYPOINT ["java", "-cp", "lib/*", "CreateTopics.java"]
CMD ["kafka:9092"]

FROM runtime AS auth-server
COPY --from=build /src/auth-server/target/auth-server-*-exec.jar app.jar
EXPOSE 9000
ENTRYPOINT ["java", "-jar", "app.jar"]

FROM runtime AS order-service
COPY --from=build /src/order-service/target/order-service-*-exec.jar app.jar
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "app.jar"]

FROM runtime AS scoring-service
COPY --from=build /src/scoring-service/target/scoring-service-*-exec.jar app.jar
EXPOSE 8082
ENTRYPOINT ["java", "-jar", "app.jar"]

FROM runtime AS notification-service
COPY --from=build /src/notification-service/target/notification-service-*-exec.jar app.jar
EXPOSE 8083
ENTRYPOINT ["java", "-jar", "app.jar"]

FROM runtime AS portal
COPY --from=build /src/portal/target/portal-*-exec.jar app.jar
EXPOSE 8084
ENTRYPOINT ["java", "-jar", "app.jar"]

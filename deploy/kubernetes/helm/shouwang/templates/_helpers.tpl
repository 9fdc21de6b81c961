{{/* Labels every object carries. */}}
{{- define "shouwang.labels" -}}
{{ include "shouwang.common" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels without the instance, for objects that add the selector labels (which carry it). */}}
{{- define "shouwang.common" -}}
app.kubernetes.io/part-of: shouwang
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{/* Selector labels of one service: call with (dict "root" $ "svc" $svc). */}}
{{- define "shouwang.selector" -}}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "shouwang.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag -}}
{{- if eq $tag "latest" }}{{ fail "image.tag must name a version, never latest" }}{{ end -}}
{{ printf "%s/%s/%s:%s" .root.Values.image.registry .root.Values.image.repository .svc.name $tag }}
{{- end }}

{{- define "shouwang.kafkaBootstrap" -}}
{{- if .Values.kafka.bootstrapServers -}}
{{ .Values.kafka.bootstrapServers }}
{{- else if .Values.strimzi.enabled -}}
{{ printf "%s-kafka-bootstrap:9093" .Values.strimzi.clusterName }}
{{- else -}}
{{ fail "kafka.bootstrapServers is required when strimzi.enabled is false" }}
{{- end }}
{{- end }}

{{- define "shouwang.kafkaTruststoreSecret" -}}
{{- if .Values.kafka.truststore.secretName -}}
{{ .Values.kafka.truststore.secretName }}
{{- else if .Values.strimzi.enabled -}}
{{ printf "%s-cluster-ca-cert" .Values.strimzi.clusterName }}
{{- end }}
{{- end }}

{{- define "shouwang.oidcUrl" -}}
{{- if .Values.oidc.authServerUrl -}}
{{ .Values.oidc.authServerUrl }}
{{- else -}}
{{ printf "https://%s/realms/shouwang" .Values.keycloak.hostname }}
{{- end }}
{{- end }}

{{/* The JDBC URL of one service's database: call with (dict "root" $ "svc" $svc). */}}
{{- define "shouwang.jdbcUrl" -}}
{{- $db := .root.Values.database -}}
{{- $host := default (printf "%s%s-rw" $db.clusterPrefix .svc.database) $db.host -}}
jdbc:postgresql://{{ $host }}:{{ $db.port }}/{{ .svc.database }}{{ if $db.jdbcParameters }}?{{ $db.jdbcParameters }}{{ end }}
{{- end }}

{{- define "shouwang.dbSecret" -}}
{{ printf "%s%s%s" .root.Values.database.secretPrefix .svc.database .root.Values.database.secretSuffix }}
{{- end }}

{{- define "shouwang.kafkaUserSecret" -}}
{{- if .root.Values.strimzi.enabled -}}
{{ .svc.name }}
{{- else -}}
{{ printf "%s%s" .root.Values.kafka.userSecretPrefix .svc.name }}
{{- end }}
{{- end }}

{{/* The services' names, comma-separated (for selectors). */}}
{{- define "shouwang.serviceNames" -}}
{{- $names := list -}}
{{- range $key, $svc := .Values.services }}{{ $names = append $names $svc.name }}{{ end -}}
{{ join ", " $names }}
{{- end }}

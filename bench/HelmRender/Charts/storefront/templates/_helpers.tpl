{{/*
The storefront image, with global.imageRegistry honoured.
*/}}
{{- define "storefront.image" -}}
{{ include "common.images.image" (dict "imageRoot" .Values.image "global" .Values.global "chart" .Chart) }}
{{- end -}}

{{- define "storefront.imagePullSecrets" -}}
{{- include "common.images.renderPullSecrets" (dict "images" (list .Values.image) "context" $) -}}
{{- end -}}

{{- define "storefront.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
    {{ default (include "common.names.fullname" .) .Values.serviceAccount.name }}
{{- else -}}
    {{ default "default" .Values.serviceAccount.name }}
{{- end -}}
{{- end -}}

{{/*
The name of the cache (redis subchart, aliased "cache") service.
*/}}
{{- define "storefront.cache.host" -}}
{{- printf "%s-master" (include "common.names.dependency.fullname" (dict "chartName" "cache" "chartValues" .Values.cache "context" $)) -}}
{{- end -}}

{{- define "storefront.secretName" -}}
{{- printf "%s-secrets" (include "common.names.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The environment of the storefront container: cache, config and the user's extra variables.
*/}}
{{- define "storefront.env" -}}
- name: STOREFRONT_LOG_LEVEL
  value: {{ .Values.config.logLevel | quote }}
- name: STOREFRONT_CURRENCY
  value: {{ .Values.config.currency | upper | quote }}
- name: STOREFRONT_SESSION_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "storefront.secretName" . }}
      key: session-key
{{- if .Values.cache.enabled }}
- name: CACHE_HOST
  value: {{ include "storefront.cache.host" . | quote }}
- name: CACHE_PORT
  value: "6379"
{{- if .Values.cache.auth.enabled }}
- name: CACHE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "storefront.secretName" . }}
      key: cache-password
{{- end }}
{{- end }}
{{- range $name, $enabled := .Values.config.features }}
- name: {{ printf "FEATURE_%s" ($name | snakecase | upper) }}
  value: {{ $enabled | ternary "on" "off" | quote }}
{{- end }}
{{- if .Values.extraEnvVars }}
{{ include "common.tplvalues.render" (dict "value" .Values.extraEnvVars "context" $) }}
{{- end }}
{{- end -}}

{{/*
A checksum of a rendered template, so pods roll when their config changes.
*/}}
{{- define "storefront.checksum" -}}
{{- include (print .context.Template.BasePath "/" .template) .context | sha256sum -}}
{{- end -}}

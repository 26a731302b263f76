{{- define "redis.fullname" -}}
{{- include "common.names.fullname" . -}}
{{- end -}}

{{- define "redis.image" -}}
{{- include "common.images.image" (dict "imageRoot" .Values.image "global" .Values.global) -}}
{{- end -}}

{{- define "redis.secretName" -}}
{{- printf "%s-auth" (include "redis.fullname" .) -}}
{{- end -}}

{{/*
The persistent volume claim template of a role (master or replica).
*/}}
{{- define "redis.volumeClaimTemplate" -}}
{{- $storageClass := default .persistence.storageClass .context.Values.global.storageClass -}}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: data
    labels: {{- include "common.labels.matchLabels" .context | nindent 6 }}
      app.kubernetes.io/component: {{ .role }}
  spec:
    accessModes:
    {{- range (.persistence.accessModes | default (list "ReadWriteOnce")) }}
      - {{ . | quote }}
    {{- end }}
    resources:
      requests:
        storage: {{ .persistence.size | quote }}
    {{- if $storageClass }}
    storageClassName: {{ $storageClass | quote }}
    {{- end }}
{{- end -}}

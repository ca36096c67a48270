/** A 48 px green dot: Chrome requires an icon for a notification and the extension ships none. */
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAjklEQVR42u3awRWAIBADUSqyIWux9nj2pg+QbJjDFPBvuqEd19kq1wA808usAOpsGUCD+w2gyU0F6KeGA7SoIQAtrgsgk/YEyKxPAJm2B0DmZQNUJACWABULAAAAAAAAyALwLQRgAIA/MgcAVwkHQPnDFrdRF0D583rEwBExMcWMfBEza8zQHfPUgNcqPd2h/ijq7O0XcQAAAABJRU5ErkJggg==';
